import type { SubmissionError } from '@balcao/forms';

type Language = 'zh-Hant' | 'pt' | 'en';
type Texts = Record<Language, string>;

const messages = {
  portalAccountMissing: {
    'zh-Hant':
      '持此身份證編號的人士尚未在平台開立帳戶。由於其須在平台處理此申請，請其先開立帳戶，再提交申請。',
    pt: 'A pessoa com este número do BIR não tem conta no portal. Como tem de intervir no pedido através do portal, deve criar uma conta antes de submeter o pedido.',
    en: 'The person with this ID number has no portal account. They act on the application in the portal, so they must sign up before you apply.',
  },
  portalAccountOwn: {
    'zh-Hant': '請填寫對方的身份證編號，而非閣下本人的。',
    pt: 'Indique o número do BIR da outra pessoa, não o seu.',
    en: "Enter the other person's ID number, not your own.",
  },
  callUnknown: {
    'zh-Hant': '請從列表中選擇。',
    pt: 'Escolha uma das opções da lista.',
    en: 'Choose one of the listed options.',
  },
  callClosed: {
    'zh-Hant': '「{title}」已於{date}截止，請選擇仍接受申請的項目。',
    pt: 'O prazo de «{title}» terminou em {date}. Escolha um que ainda esteja aberto.',
    en: '“{title}” closed on {date}. Choose one that is still open.',
  },
} satisfies Record<string, Texts>;

export type StartFieldRule = keyof typeof messages;

/** A field error of the start form in the application's language (zh-Hant, pt or en). */
export function startFieldError(
  path: string,
  rule: StartFieldRule,
  language: string,
  values: Record<string, string> = {},
): SubmissionError {
  const texts: Texts = messages[rule];
  const template = texts[language as Language] ?? texts.en;
  const message = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return { path, rule, message };
}

/** A day as Macao writes it: 2027年1月15日, 15/01/2027, 15 January 2027 (Macao time). */
export function macaoDate(at: Date, language: string): string {
  const timeZone = 'Asia/Macau';
  if (language === 'pt')
    return new Intl.DateTimeFormat('pt-PT', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone,
    }).format(at);
  const locale = language === 'en' ? 'en-GB' : 'zh-Hant-MO';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(at);
}
