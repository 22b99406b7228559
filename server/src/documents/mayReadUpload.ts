import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';

export interface Upload {
  documentId: string;
  ownerAccountId: string;
}

/**
 * Who may download an upload. Its uploader; otherwise only through an application that holds
 * it: one whose form data names it (a file field may only name the applicant's own uploads), or
 * one a task's form brought it to (application_upload: a reply to a request for information, a
 * translator's output). Through such an application: its applicant; clerks and supervisors of
 * the agency it was filed with or working on it now, or holding one of its tasks (a group of
 * theirs, or assigned to them); and admins, who may read every application. Analysts model
 * processes and never handle cases.
 */
export async function mayReadUpload(
  tx: Queryable,
  principal: Principal,
  upload: Upload,
): Promise<boolean> {
  if (upload.ownerAccountId === principal.accountId) return true;
  if (principal.role === 'analyst') return false;
  const admin = principal.role === 'admin';
  const handler = principal.role === 'clerk' || principal.role === 'supervisor';
  // The uploader narrows the form-data search to their applications (indexed by owner).
  const { rows } = await tx.query(
    `with holding as (
       select a.id, a.owner_account_id, a.agency, a.current_agency from application a
        where a.owner_account_id = $1
          and jsonb_path_exists(a.data, '$.** ? (@.documentId == $id)', jsonb_build_object('id', $2::text))
       union all
       select a.id, a.owner_account_id, a.agency, a.current_agency
         from application_upload u join application a on a.id = u.application_id
        where u.document_id = $2)
     select 1 from holding a
      where $3 or a.owner_account_id = $7
         or ($8 and (a.agency = $4 or a.current_agency = $4
             or exists (select 1 from inbox_task t
                         where t.application_id = a.id
                           and (t.candidate_groups && $5::text[] or t.assignee = $6))))
      limit 1`,
    [
      upload.ownerAccountId,
      upload.documentId,
      admin,
      principal.agency ?? '',
      principal.groups,
      principal.login,
      principal.accountId,
      handler,
    ],
  );
  return rows.length > 0;
}
