import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineConnector } from '../runtime/defineConnector';
import type { DocumentSink, IssuedDocument } from './DocumentSink';
import { renderCertificate } from './renderCertificate';
import { sha256 } from './verifyDocument';

export const issueDocumentInputSchema = z.object({
  caseRef: z.string().min(1, 'caseRef is required (the application the certificate belongs to)'),
  title: z.string().min(1, 'title is required, e.g. Certificado de Registo Criminal'),
  issuer: z.string().min(1, 'issuer is required (the issuing agency)'),
  language: z.enum(['zh-Hant', 'pt', 'en']).default('zh-Hant'),
  applicant: z.object({
    name: z.string().min(1, 'applicant.name is required'),
    idNumber: z.string().optional(),
  }),
  fields: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  validDays: z.number().int().positive('validDays must be a positive number of days').optional(),
});

export interface IssueDocumentOptions {
  sink: DocumentSink;
  /** The public verification page; the code is appended as `?code=`. */
  verificationBaseUrl: string;
  /** A font with CJK glyphs for zh-Hant certificates (see `renderCertificate`). */
  font?: Uint8Array;
  now?: () => Date;
}

/**
 * Issues a certificate as PDF in the applicant's language with a verification code, a QR
 * code to the verification page, its SHA-256 and the issue time, and stores it through the
 * sink. A retried job returns the certificate it already issued.
 */
export function issueDocumentConnector(options: IssueDocumentOptions) {
  const now = options.now ?? (() => new Date());
  return defineConnector({
    type: 'balcao:document-issue:1',
    input: issueDocumentInputSchema,
    timeoutMs: 30_000,
    async run(input, ctx) {
      const existing = await options.sink.getByIdempotencyKey(ctx.idempotencyKey);
      if (existing) return describe(existing, options.verificationBaseUrl);
      const verificationCode = newVerificationCode();
      const issuedAt = now();
      const validUntil =
        input.validDays === undefined
          ? null
          : new Date(issuedAt.getTime() + input.validDays * 86_400_000).toISOString();
      const verificationUrl = urlFor(options.verificationBaseUrl, verificationCode);
      const bytes = await renderCertificate(
        {
          ...input,
          verificationCode,
          verificationUrl,
          issuedAt: issuedAt.toISOString(),
          validUntil,
        },
        { font: options.font },
      );
      const document: IssuedDocument = {
        verificationCode,
        idempotencyKey: ctx.idempotencyKey,
        caseRef: input.caseRef,
        title: input.title,
        issuer: input.issuer,
        language: input.language,
        fileName: `${input.caseRef}-${verificationCode}.pdf`,
        sha256: sha256(bytes),
        size: bytes.byteLength,
        issuedAt: issuedAt.toISOString(),
        validUntil,
      };
      await options.sink.put(document, bytes);
      ctx.log.info({ verificationCode, caseRef: input.caseRef }, 'certificate issued');
      return describe(document, options.verificationBaseUrl);
    },
  });
}

function describe(document: IssuedDocument, base: string) {
  return {
    verificationCode: document.verificationCode,
    verificationUrl: urlFor(base, document.verificationCode),
    sha256: document.sha256,
    issuedAt: document.issuedAt,
    validUntil: document.validUntil,
    fileName: document.fileName,
    size: document.size,
    language: document.language,
  };
}

function urlFor(base: string, code: string): string {
  const url = new URL(base);
  url.searchParams.set('code', code);
  return url.toString();
}

// Crockford-style alphabet without I, L, O, U: read aloud or typed without confusion.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newVerificationCode(): string {
  const chars = [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
