import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';

export interface Upload {
  documentId: string;
  ownerAccountId: string;
}

/**
 * Who may download an upload. Its uploader; otherwise only through an application whose form
 * data references it (a file field may only name the applicant's own uploads, so that is
 * where an upload meets the staff): clerks and supervisors of the agency it was filed with or
 * working on it now, or holding one of its tasks (a group of theirs, or assigned to them), and
 * admins, who may read every application. Analysts model processes and never handle cases.
 */
export async function mayReadUpload(
  tx: Queryable,
  principal: Principal,
  upload: Upload,
): Promise<boolean> {
  if (upload.ownerAccountId === principal.accountId) return true;
  const admin = principal.role === 'admin';
  const handler = principal.role === 'clerk' || principal.role === 'supervisor';
  if (!admin && !handler) return false;
  // The owner narrows the search to the uploader's applications (indexed by owner).
  const { rows } = await tx.query(
    `select 1 from application a
      where a.owner_account_id = $1
        and jsonb_path_exists(a.data, '$.** ? (@.documentId == $id)', jsonb_build_object('id', $2::text))
        and ($3 or a.agency = $4 or a.current_agency = $4
             or exists (select 1 from inbox_task t
                         where t.application_id = a.id
                           and (t.candidate_groups && $5::text[] or t.assignee = $6)))
      limit 1`,
    [
      upload.ownerAccountId,
      upload.documentId,
      admin,
      principal.agency ?? '',
      principal.groups,
      principal.login,
    ],
  );
  return rows.length > 0;
}
