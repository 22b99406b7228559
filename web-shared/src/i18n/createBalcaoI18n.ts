import { watch } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { defaultLocale, isLocale, type Locale } from './locales';
import { sharedMessages } from './sharedMessages';
import { pickText, type Text3 } from './text3';

const storageKey = 'balcao.locale';

/**
 * vue-i18n for one app: the shared texts plus the app's own, the language chosen last time
 * (default Traditional Chinese), and `<html lang>` kept in step for screen readers.
 */
export function createBalcaoI18n(appMessages: Record<Locale, Messages>) {
  const messages: Record<Locale, Messages> = {
    'zh-Hant': { ...sharedMessages['zh-Hant'], ...appMessages['zh-Hant'] },
    pt: { ...sharedMessages.pt, ...appMessages.pt },
    en: { ...sharedMessages.en, ...appMessages.en },
  };
  const i18n = createI18n<false>({
    legacy: false,
    locale: storedLocale(),
    fallbackLocale: 'en',
    messages,
  });
  const locale = i18n.global.locale;
  const apply = (value: string) => {
    document.documentElement.lang = value;
    localStorage.setItem(storageKey, value);
  };
  apply(locale.value);
  watch(locale, apply);
  return i18n;
}

/** The current language, typed, and a picker for texts in three languages. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale,
    current: (): Locale => (isLocale(locale.value) ? locale.value : defaultLocale),
    text: (value: Text3 | string | null | undefined) =>
      pickText(value, isLocale(locale.value) ? locale.value : defaultLocale),
  };
}

/** Nested texts by key, as vue-i18n takes them. */
export interface Messages {
  [key: string]: string | Messages;
}

function storedLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  return isLocale(stored) ? stored : defaultLocale;
}
