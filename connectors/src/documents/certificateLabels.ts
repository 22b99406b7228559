export type CertificateLanguage = 'zh-Hant' | 'pt' | 'en';

/** The fixed words of a certificate, per language. */
export const certificateLabels = {
  'zh-Hant': {
    applicant: '申請人',
    idNumber: '證件編號',
    caseRef: '案件編號',
    issuedAt: '發出日期',
    validUntil: '有效期至',
    code: '核實編號',
    verifyAt: '請於以下網址核實本證明書',
    hash: 'SHA-256',
  },
  pt: {
    applicant: 'Requerente',
    idNumber: 'N.º do documento',
    caseRef: 'N.º do processo',
    issuedAt: 'Data de emissão',
    validUntil: 'Válido até',
    code: 'Código de verificação',
    verifyAt: 'Verifique este certificado em',
    hash: 'SHA-256',
  },
  en: {
    applicant: 'Applicant',
    idNumber: 'Document number',
    caseRef: 'Case number',
    issuedAt: 'Issued on',
    validUntil: 'Valid until',
    code: 'Verification code',
    verifyAt: 'Verify this certificate at',
    hash: 'SHA-256',
  },
} as const satisfies Record<CertificateLanguage, Record<string, string>>;

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Dates as Macao users expect them, in Macao time (UTC+8, no DST). */
export function formatDate(iso: string, language: CertificateLanguage): string {
  const macao = new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000);
  const [y, m, d] = [macao.getUTCFullYear(), macao.getUTCMonth() + 1, macao.getUTCDate()];
  if (language === 'zh-Hant') return `${y}年${m}月${d}日`;
  if (language === 'pt') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  return `${d} ${months[m - 1]} ${y}`;
}
