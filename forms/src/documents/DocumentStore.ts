import type { Readable } from 'node:stream';
import type { DocumentContentType } from './sniffContentType';

/** Error codes of the document store; the server maps them to HTTP statuses. */
export const DocumentErrorCode = {
  /** → 413 */
  UploadTooLarge: 'UPLOAD_TOO_LARGE',
  /** → 415 */
  UploadTypeNotAllowed: 'UPLOAD_TYPE_NOT_ALLOWED',
  /** → 404 */
  DocumentNotFound: 'DOCUMENT_NOT_FOUND',
} as const;

export type DocumentErrorCode = (typeof DocumentErrorCode)[keyof typeof DocumentErrorCode];

export interface PutDocumentOptions {
  /** The name the uploader gave; its extension must match the content. */
  fileName: string;
  /** The Content-Type the uploader declared; must match the content. */
  declaredContentType: string;
  maxBytes: number;
  allowedTypes: readonly DocumentContentType[];
}

/** What the store keeps about a document; the shape file fields reference. */
export interface StoredDocument {
  documentId: string;
  sha256: string;
  size: number;
  contentType: DocumentContentType;
  name: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

export interface DocumentStore {
  /** Stores an upload after checking size and real type; throws BalcaoError otherwise. */
  put(
    content: Readable | AsyncIterable<Uint8Array>,
    options: PutDocumentOptions,
  ): Promise<StoredDocument>;
  /** Opens a stored document; throws DOCUMENT_NOT_FOUND for unknown (or malformed) ids. */
  get(documentId: string): Promise<{ document: StoredDocument; stream: Readable }>;
}
