import type { Locale } from '@balcao/web-shared';

/** A date (and time) in the reader's language; empty for a missing one. */
export function formatDate(value: string | null | undefined, locale: Locale, withTime = false) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'zh-Hant' ? 'zh-Hant-MO' : `${locale}-MO`, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
