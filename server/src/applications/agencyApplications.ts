import type { Queryable } from '@balcao/platform';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import { macaoDate } from '../sla/slaClock';
import type { ApplicationRow } from './applicationQueries';
import { closedStatuses } from './ApplicationStatus';
import { refreshSlaDeadlines } from './refreshSlaDeadlines';

/** In the list's order: a state's rank in the SQL below is its index here. */
export const slaFilters = ['breached', 'warning', 'paused', 'on-track'] as const;
export type SlaFilter = (typeof slaFilters)[number];

export interface AgencyApplicationsQuery {
  /** null: every agency (administrators). */
  agency: string | null;
  sla?: SlaFilter | undefined;
  now: Date;
  holidays: HolidayCalendar;
  limit: number;
  offset: number;
}

/**
 * One page of an agency's open applications by SLA state: breaches first, then warnings,
 * paused and on-track, oldest first within each. Filtered, ordered and counted in SQL from
 * the stored deadlines (the state is slaStateOn's, said in SQL), so a page costs the same
 * whatever the number of open applications; stale deadlines are recomputed first.
 */
export async function agencyApplications(
  tx: Queryable,
  query: AgencyApplicationsQuery,
): Promise<{ rows: ApplicationRow[]; total: number }> {
  await refreshSlaDeadlines(tx, query.agency, query.holidays);
  const { rows } = await tx.query<ApplicationRow & { total: number }>(
    `with ranked as (
       select *, case
           when pledge_working_days is null or status = any($2::text[]) then 4
           when sla_breached_from <= $3::date then 0
           when sla_paused then 2
           when sla_warning_from <= $3::date then 1
           else 3
         end as sla_rank
         from application where closed_at is null and ($1::text is null or agency = $1))
     select *, count(*) over ()::int as total from ranked
      where ($4::int is null or sla_rank = $4)
      order by sla_rank, submitted_at, id limit $5 offset $6`,
    [
      query.agency,
      closedStatuses,
      macaoDate(query.now),
      query.sla === undefined ? null : slaFilters.indexOf(query.sla),
      query.limit,
      query.offset,
    ],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
