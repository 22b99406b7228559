import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';

/** Whether the caller uploaded the document: a form may only name one's own uploads. */
export async function isOwnUpload(
  db: Queryable,
  principal: Principal,
  documentId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from uploaded_document where document_id = $1 and owner_account_id = $2',
    [documentId, principal.accountId],
  );
  return rows.length > 0;
}

/**
 * Records that a task's form brought these uploads to the application, so its applicant and the
 * staff handling it may read them (mayReadUpload). Completing twice links once.
 */
export async function linkUploads(
  db: Queryable,
  applicationId: string,
  documentIds: readonly string[],
): Promise<void> {
  if (documentIds.length === 0) return;
  await db.query(
    `insert into application_upload (document_id, application_id)
     select unnest($1::text[]), $2 on conflict do nothing`,
    [[...new Set(documentIds)], applicationId],
  );
}
