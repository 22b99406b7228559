import type { DocumentSink, IssuedDocument } from '@balcao/connectors';
import type { Database } from '@balcao/platform';
import type { Tracker } from './Tracker';

/**
 * Certificates from the issue connector: bytes in the wrapped store, and a row linking each
 * to its application (by case reference), so it shows on the citizen's page.
 */
export class LinkedDocumentSink implements DocumentSink {
  constructor(
    private readonly inner: DocumentSink,
    private readonly deps: { db: Database; tracker: Tracker; storagePath: string },
  ) {}

  async put(document: IssuedDocument, bytes: Uint8Array): Promise<void> {
    await this.inner.put(document, bytes);
    const app = await this.deps.tracker.applicationOfCase(this.deps.db, document.caseRef);
    await this.deps.db.query(
      `insert into application_document
         (verification_code, application_id, case_ref, idempotency_key, record, storage_path, issued_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
      [
        document.verificationCode,
        app?.id ?? null,
        document.caseRef,
        document.idempotencyKey,
        JSON.stringify(document),
        this.deps.storagePath,
        document.issuedAt,
      ],
    );
    if (app) this.deps.tracker.announce(app);
  }

  getByCode(code: string) {
    return this.inner.getByCode(code);
  }

  getByIdempotencyKey(key: string) {
    return this.inner.getByIdempotencyKey(key);
  }
}
