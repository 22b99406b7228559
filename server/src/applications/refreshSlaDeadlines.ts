import type { Queryable } from '@balcao/platform';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import { slaDeadlines, type SlaDeadlines } from '../sla/slaDeadlines';

/** Rows recomputed per round trip. */
const BATCH = 500;

interface StaleRow {
  id: string;
  submitted_at: Date;
  pledge_working_days: number | null;
  /** `updated_at` as text: a JavaScript Date would drop its microseconds. */
  basis: string;
}

/**
 * Brings the stored SLA deadlines of an agency's open applications (all agencies for null) up
 * to date: those whose row changed since they were computed, and all of them once the
 * holiday calendar changed. A row changed meanwhile keeps its mark and is done next time.
 */
export async function refreshSlaDeadlines(
  tx: Queryable,
  agency: string | null,
  holidays: HolidayCalendar,
): Promise<void> {
  if (holidays.version) await forgetOtherCalendars(tx, holidays.version);
  for (;;) {
    const { rows } = await tx.query<StaleRow>(
      `select id, submitted_at, pledge_working_days, updated_at::text as basis from application
        where closed_at is null and sla_basis is distinct from updated_at
          and ($1::text is null or agency = $1)
        limit ${BATCH}`,
      [agency],
    );
    if (rows.length === 0) return;
    const owed = await tx.query<{ application_id: string; started_at: Date; completed_at: Date }>(
      `select application_id, started_at, completed_at from application_milestone
        where application_id = any($1::uuid[]) and owed_by_citizen`,
      [rows.map((r) => r.id)],
    );
    const computed = rows.map((row): SlaDeadlines => {
      if (row.pledge_working_days === null)
        return { warningFrom: undefined, breachedFrom: undefined, paused: false };
      return slaDeadlines({
        completeAt: new Date(row.submitted_at),
        pledgeWorkingDays: row.pledge_working_days,
        suspensions: owed.rows
          .filter((m) => m.application_id === row.id)
          .map((m) => ({ from: m.started_at, to: m.completed_at ?? undefined })),
        holidays,
      });
    });
    await tx.query(
      `update application a set sla_warning_from = v.warning_from,
              sla_breached_from = v.breached_from, sla_paused = v.paused, sla_basis = a.updated_at
         from unnest($1::uuid[], $2::date[], $3::date[], $4::boolean[], $5::text[])
           as v(id, warning_from, breached_from, paused, basis)
        where a.id = v.id and a.updated_at = v.basis::timestamptz`,
      [
        rows.map((r) => r.id),
        computed.map((d) => d.warningFrom ?? null),
        computed.map((d) => d.breachedFrom ?? null),
        computed.map((d) => d.paused),
        rows.map((r) => r.basis),
      ],
    );
    if (rows.length < BATCH) return;
  }
}

/** New holidays move deadlines: every open application is recomputed once. */
async function forgetOtherCalendars(tx: Queryable, version: string): Promise<void> {
  const seen = await tx.query<{ version: string }>('select version from sla_calendar');
  if (seen.rows[0]?.version === version) return;
  await tx.query('update application set sla_basis = null where closed_at is null');
  await tx.query(
    `insert into sla_calendar (version) values ($1)
     on conflict (id) do update set version = excluded.version`,
    [version],
  );
}
