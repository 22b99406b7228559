/** The three languages a Macao user expects; zh-Hant is the default of the platform. */
export const Language = {
  ZhHant: 'zh-Hant',
  Pt: 'pt',
  En: 'en',
} as const;

export type Language = (typeof Language)[keyof typeof Language];

export const languages: readonly Language[] = [Language.ZhHant, Language.Pt, Language.En];

/**
 * Maps what a caller sends (`zh-Hant`, `zh-MO`, `pt-PT`, `en-GB`, …) to one of our three
 * languages; anything else falls back to English, as the brief for messages asks.
 */
export function resolveLanguage(requested: string | undefined): Language {
  const tag = (requested ?? '').trim().toLowerCase();
  if (tag.startsWith('zh')) return Language.ZhHant;
  if (tag === 'pt' || tag.startsWith('pt-')) return Language.Pt;
  return Language.En;
}
