import { z } from 'zod';
import { verifyDocument, type DocumentSink } from '@balcao/connectors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';

const codeParams = z.object({ code: z.string().min(1).max(64) });

const verificationSchema = z.object({
  status: z.enum(['GENUINE', 'ALTERED', 'UNKNOWN']),
  document: z
    .object({
      verificationCode: z.string(),
      title: z.string(),
      issuer: z.string(),
      caseRef: z.string(),
      issuedAt: z.string(),
      validUntil: z.string().nullable(),
      sha256: z.string(),
    })
    .nullable(),
});

/**
 * Anyone holding a certificate checks it: its code says whether Balcão issued it, and its PDF
 * posted to the same path whether it is unaltered. The page a QR code opens is /verify.
 */
export function verifyRoutes(documents: DocumentSink): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/verify/:code',
      summary: 'Public: whether a verification code belongs to a certificate Balcão issued',
      tag: 'documents',
      auth: 'public',
      audit: 'none',
      transaction: false,
      params: codeParams,
      response: verificationSchema,
      handle: ({ params }) => verifyDocument(documents, params.code),
    }),
    defineRoute({
      method: 'post',
      path: '/api/verify/:code',
      summary: 'Public: whether a certificate’s PDF (the body) is the one issued, unaltered',
      tag: 'documents',
      auth: 'public',
      // It changes nothing: a check, not a write.
      audit: 'none',
      transaction: false,
      rawBody: { mediaType: 'application/pdf', limit: '20mb' },
      params: codeParams,
      response: verificationSchema,
      handle: ({ params, rawBody }) =>
        verifyDocument(documents, params.code, rawBody && new Uint8Array(rawBody)),
    }),
  ];
}
