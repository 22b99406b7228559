import type { Queryable } from '@balcao/platform';

export interface ApplicationRow {
  id: string;
  number: string;
  process_id: string;
  agency: string;
  current_agency: string;
  owner_account_id: string;
  owner_login: string;
  status: string;
  data: Record<string, unknown>;
  language: string;
  instance_key: string | null;
  pledge_working_days: number | null;
  submitted_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  withdraw_reason: string | null;
}

export interface MilestoneRow {
  source_key: string;
  element_id: string;
  label: Record<string, string>;
  agency: string | null;
  owed_by_citizen: boolean;
  action_url: string | null;
  started_at: Date;
  completed_at: Date | null;
}

export interface DocumentRow {
  verification_code: string;
  record: { title: string; issuer: string; fileName: string; validUntil: string | null };
  issued_at: Date;
}

export async function findApplicationByNumber(
  db: Queryable,
  number: string,
): Promise<ApplicationRow | undefined> {
  const { rows } = await db.query<ApplicationRow>('select * from application where number = $1', [
    number,
  ]);
  return rows[0];
}

export async function milestonesOf(db: Queryable, applicationId: string): Promise<MilestoneRow[]> {
  const { rows } = await db.query<MilestoneRow>(
    `select source_key, element_id, label, agency, owed_by_citizen, action_url, started_at,
            completed_at
       from application_milestone where application_id = $1 order by started_at, source_key`,
    [applicationId],
  );
  return rows;
}

export async function documentsOf(db: Queryable, applicationId: string): Promise<DocumentRow[]> {
  const { rows } = await db.query<DocumentRow>(
    `select verification_code, record, issued_at from application_document
      where application_id = $1 order by issued_at`,
    [applicationId],
  );
  return rows;
}
