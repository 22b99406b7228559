import type { Queryable } from '@balcao/platform';
import { findServiceName } from '../catalogue/catalogueQueries';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import { documentsOf, milestonesOf, type ApplicationRow } from './applicationQueries';
import { presentDetail, type OwedTask, type PresentContext } from './presentApplication';

/** What presenting an application needs beside its row: service, timeline, owed tasks. */
export async function applicationContext(
  tx: Queryable,
  row: ApplicationRow,
  holidays: HolidayCalendar,
  now: Date,
): Promise<PresentContext & { owed: OwedTask[] }> {
  const [serviceName, milestones, owed] = await Promise.all([
    findServiceName(tx, row.process_id),
    milestonesOf(tx, row.id),
    owedTasks(tx, row),
  ]);
  return {
    serviceName,
    milestones,
    owed,
    owedCount: owed.length + milestones.filter((m) => m.action_url && !m.completed_at).length,
    holidays,
    now,
  };
}

/** The whole application as its owner sees it (also shown to the clerk working on it). */
export async function applicationDetail(
  tx: Queryable,
  row: ApplicationRow,
  holidays: HolidayCalendar,
  now: Date,
) {
  const [ctx, documents] = await Promise.all([
    applicationContext(tx, row, holidays, now),
    documentsOf(tx, row.id),
  ]);
  return presentDetail(row, { ...ctx, documents });
}

async function owedTasks(tx: Queryable, row: ApplicationRow): Promise<OwedTask[]> {
  const { rows } = await tx.query<OwedTask>(
    `select task_key, element_id, name, form_id, headers, created_at, due_at from inbox_task
      where application_id = $1 and state = 'open' and assignee = $2 order by created_at`,
    [row.id, row.owner_login],
  );
  return rows;
}
