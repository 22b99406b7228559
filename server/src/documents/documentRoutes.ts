import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';
import type { DocumentContentType, DocumentStore } from '@balcao/forms';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { mayReadUpload } from './mayReadUpload';

const storedSchema = z.object({
  documentId: z.string(),
  sha256: z.string(),
  size: z.number(),
  contentType: z.string(),
  name: z.string(),
  createdAt: z.string(),
});

const allowedTypes: DocumentContentType[] = ['application/pdf', 'image/png', 'image/jpeg'];

/**
 * Uploads for file fields: the body is the file itself (Content-Type as the browser knows it,
 * the name in `X-File-Name`). The store checks size (413) and the real type by its bytes
 * (415); the form submission then carries the returned reference, never the bytes.
 */
export function documentRoutes(store: DocumentStore, options: { maxBytes: number }): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Upload a file for a form field (PDF, PNG or JPEG); returns its reference',
      tag: 'documents',
      auth: 'required',
      status: 201,
      response: storedSchema,
      async handle({ tx, principal, req }) {
        const fileName = decodeFileName(req.header('x-file-name') ?? '').trim();
        if (!fileName)
          throw apiErrors.unprocessable(
            'Name the file in the X-File-Name header, e.g. passport.pdf.',
          );
        const declared = length(req.header('content-length'));
        if (declared !== undefined && declared > options.maxBytes) {
          req.resume();
          throw new BalcaoError(
            'UPLOAD_TOO_LARGE',
            `The file is larger than the limit of ${(options.maxBytes / 1024 / 1024).toFixed(1)} MB. Send a smaller file (scan at a lower resolution, or split it).`,
          );
        }
        const stored = await store.put(req, {
          fileName,
          declaredContentType: req.header('content-type') ?? 'application/octet-stream',
          maxBytes: options.maxBytes,
          allowedTypes,
        });
        await tx.query(
          'insert into uploaded_document (document_id, owner_account_id, name, content_type, size, sha256) values ($1, $2, $3, $4, $5, $6)',
          [
            stored.documentId,
            principal.accountId,
            stored.name,
            stored.contentType,
            stored.size,
            stored.sha256,
          ],
        );
        return stored;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/documents/:documentId',
      summary: 'Download an upload: yours, or one in an application you handle',
      tag: 'documents',
      auth: 'required',
      params: z.object({ documentId: z.string().min(1).max(200) }),
      audit: 'personal-data',
      async handle({ tx, principal, params, res, auditTarget }) {
        auditTarget(`upload:${params.documentId}`);
        const { rows } = await tx.query<{ owner_account_id: string }>(
          'select owner_account_id from uploaded_document where document_id = $1',
          [params.documentId],
        );
        const upload = rows[0] && {
          documentId: params.documentId,
          ownerAccountId: rows[0].owner_account_id,
        };
        // Someone else's upload answers as a missing one: a refusal must not confirm it exists.
        if (!upload || !(await mayReadUpload(tx, principal, upload)))
          throw apiErrors.notFound('The document');
        const { document, stream } = await store.get(params.documentId);
        res.setHeader('Content-Type', document.contentType);
        res.setHeader(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`,
        );
        res.setHeader('X-Content-SHA256', document.sha256);
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          res.on('finish', () => resolve());
          stream.pipe(res);
        });
        return undefined;
      },
    }),
  ];
}

function length(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

// Browsers send the name percent-encoded (headers are Latin-1); a broken escape is the client's error.
function decodeFileName(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    throw apiErrors.unprocessable(
      'The X-File-Name header is not a valid percent-encoded file name; encode it with encodeURIComponent.',
    );
  }
}
