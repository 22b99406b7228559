import type { Locale } from './locales';

/** A text in the three languages, as the API sends names and descriptions. */
export type Text3 = Partial<Record<Locale, string>>;

/**
 * The text in the wanted language; a missing translation falls back to English, then
 * Chinese, then Portuguese, so the page never shows an empty label.
 */
export function pickText(text: Text3 | string | null | undefined, locale: Locale): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text['zh-Hant'] ?? text.pt ?? '';
}
