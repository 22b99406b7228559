import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import type { ApplicationRow } from '../applications/applicationQueries';
import { nextApplicationNumber } from '../applications/applicationNumbers';
import { ApplicationStatus } from '../applications/ApplicationStatus';
import { findService } from '../catalogue/catalogueQueries';

export interface ReceivedNotification {
  application: ApplicationRow;
  /** True when the hospital sent this notification before: nothing new was started. */
  replayed: boolean;
  trackedBy: 'family' | 'staff';
}

/**
 * Turns a hospital's notification into an application of the receiving agency, once per
 * hospital and notification number (a lock on that pair, then a lookup, so a retry or a
 * concurrent duplicate finds the first one). The owner is the first family member with a
 * portal account; with none, the owner is the agency itself (`agency:<code>`, no one signs in
 * as it): only its staff see the case and the declaration is taken at the counter.
 */
export async function receiveHospitalNotification(
  db: Database,
  input: {
    processId: string;
    idVariable: string;
    notificationId: string;
    hospital: string;
    familyIdNumbers: (string | undefined)[];
    variables: Record<string, unknown>;
    language: string;
    now: Date;
  },
): Promise<ReceivedNotification> {
  const service = await findService(db, input.processId);
  if (!service) throw apiErrors.notFound(`The service ${input.processId}`);
  const { sheet } = service;
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `hospital-notification:${input.processId}:${input.hospital}:${input.notificationId}`,
    ]);
    const { rows: earlier } = await tx.query<ApplicationRow>(
      `select * from application
        where process_id = $1 and data->>'hospital' = $2 and data->>$3 = $4`,
      [input.processId, input.hospital, input.idVariable, input.notificationId],
    );
    if (earlier[0]) {
      const familyInPortal = earlier[0].data.familyInPortal === true;
      return { application: earlier[0], replayed: true, trackedBy: trackedBy(familyInPortal) };
    }
    const family = await firstCitizen(tx, input.familyIdNumbers);
    const owner = family ?? { id: `agency:${sheet.agency}`, login: `agency:${sheet.agency}` };
    const data = {
      ...input.variables,
      hospital: input.hospital,
      familyInPortal: family !== undefined,
    };
    const { rows } = await tx.query<ApplicationRow>(
      `insert into application (id, number, process_id, agency, current_agency,
          owner_account_id, owner_login, status, data, language, pledge_working_days)
       values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10) returning *`,
      [
        randomUUID(),
        await nextApplicationNumber(tx, sheet.agency, input.now),
        input.processId,
        sheet.agency,
        owner.id,
        owner.login,
        ApplicationStatus.Starting,
        JSON.stringify(data),
        input.language,
        sheet.processingTime.workingDays,
      ],
    );
    return {
      application: rows[0] as ApplicationRow,
      replayed: false,
      trackedBy: trackedBy(family !== undefined),
    };
  });
}

/** The portal account of the first ID number that has one (`1234567(8)` = `12345678`). */
async function firstCitizen(
  tx: Queryable,
  idNumbers: (string | undefined)[],
): Promise<{ id: string; login: string } | undefined> {
  for (const idNumber of idNumbers) {
    if (idNumber === undefined) continue;
    const { rows } = await tx.query<{ id: string; login: string }>(
      `select id, login from account
        where role = 'citizen'
          and upper(regexp_replace(person_document, '[^0-9A-Za-z]', '', 'g')) = $1
        order by created_at limit 1`,
      [idNumber.replace(/[^0-9A-Za-z]/g, '').toUpperCase()],
    );
    if (rows[0]) return rows[0];
  }
  return undefined;
}

function trackedBy(familyInPortal: boolean): 'family' | 'staff' {
  return familyInPortal ? 'family' : 'staff';
}
