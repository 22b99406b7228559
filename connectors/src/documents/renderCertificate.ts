import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { certificateLabels, formatDate, type CertificateLanguage } from './certificateLabels';

export interface CertificateContent {
  title: string;
  issuer: string;
  language: CertificateLanguage;
  applicant: { name: string; idNumber?: string | undefined };
  caseRef: string;
  fields: Record<string, string>;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: string;
  validUntil: string | null;
}

/**
 * Renders a one-page A4 certificate with a QR code pointing to the public verification page.
 * The standard PDF fonts have no Chinese glyphs: give a TrueType/OpenType font with CJK glyphs
 * (e.g. Noto Sans TC) to print zh-Hant; without it a zh-Hant certificate falls back to
 * Portuguese labels and drops characters the font cannot show.
 */
export async function renderCertificate(
  content: CertificateContent,
  options: { font?: Uint8Array } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const issuedAt = new Date(content.issuedAt);
  // Fixed metadata dates keep the bytes (and so the hash) a function of the content.
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  pdf.setTitle(content.title);
  pdf.setAuthor(content.issuer);
  pdf.setSubject(content.verificationCode);
  pdf.setProducer('Balcão');
  pdf.setCreator('Balcão connectors');
  let font: PDFFont;
  let language = content.language;
  let show: (text: string) => string = (text) => text;
  if (options.font) {
    pdf.registerFontkit(fontkit);
    font = await pdf.embedFont(options.font, { subset: true });
  } else {
    font = await pdf.embedFont(StandardFonts.Helvetica);
    if (language === 'zh-Hant') language = 'pt';
    show = (text) => text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '').trim();
  }
  const labels = certificateLabels[language];
  const page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  const line = (text: string, size = 11, gap = 20) => {
    const shown = show(text);
    if (shown !== '') page.drawText(shown, { x: 56, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= gap;
  };
  line(content.issuer, 12, 34);
  line(content.title, 20, 40);
  line(`${labels.applicant}: ${content.applicant.name}`);
  if (content.applicant.idNumber) line(`${labels.idNumber}: ${content.applicant.idNumber}`);
  line(`${labels.caseRef}: ${content.caseRef}`, 11, 30);
  for (const [label, value] of Object.entries(content.fields)) line(`${label}: ${value}`);
  y -= 10;
  line(`${labels.issuedAt}: ${formatDate(content.issuedAt, language)}`);
  if (content.validUntil) line(`${labels.validUntil}: ${formatDate(content.validUntil, language)}`);
  line(`${labels.code}: ${content.verificationCode}`, 12, 24);
  const qr = await pdf.embedPng(
    await QRCode.toBuffer(content.verificationUrl, { type: 'png', margin: 1, width: 240 }),
  );
  page.drawImage(qr, { x: 56, y: 80, width: 110, height: 110 });
  page.drawText(show(labels.verifyAt), { x: 180, y: 150, size: 9, font });
  page.drawText(content.verificationUrl, { x: 180, y: 136, size: 9, font });
  return pdf.save({ useObjectStreams: false });
}
