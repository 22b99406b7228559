/** What is kept about an issued certificate; the bytes are stored beside it. */
export interface IssuedDocument {
  verificationCode: string;
  /** The job key that issued it: a retried job finds it instead of issuing another. */
  idempotencyKey: string;
  caseRef: string;
  title: string;
  issuer: string;
  language: 'zh-Hant' | 'pt' | 'en';
  fileName: string;
  sha256: string;
  size: number;
  issuedAt: string;
  validUntil: string | null;
}

/**
 * The document store the issue connector writes to. The server implements it over its
 * database and document storage (linking the document to the application); tests and the
 * demo use `FileDocumentSink`.
 */
export interface DocumentSink {
  put(document: IssuedDocument, bytes: Uint8Array): Promise<void>;
  getByCode(
    verificationCode: string,
  ): Promise<{ document: IssuedDocument; bytes: Uint8Array } | undefined>;
  getByIdempotencyKey(idempotencyKey: string): Promise<IssuedDocument | undefined>;
}
