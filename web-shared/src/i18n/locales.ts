/** The three languages of every user-facing text; Traditional Chinese first and default. */
export const locales = ['zh-Hant', 'pt', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'zh-Hant';

/** Each language's name in itself, as a switcher shows it. */
export const localeNames: Record<Locale, string> = {
  'zh-Hant': '繁體中文',
  pt: 'Português',
  en: 'English',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
