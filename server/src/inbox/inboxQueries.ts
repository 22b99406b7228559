import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';
import type { FilterableValue } from '../tracking/filterableVariables';
import type { InboxTaskRow } from '../tracking/TaskSync';

export interface InboxFilter {
  view: 'all' | 'mine' | 'unassigned';
  state: 'open' | 'completed' | 'canceled';
  processId?: string | undefined;
  agency?: string | undefined;
  applicationNumber?: string | undefined;
  dueBefore?: string | undefined;
  priorityMin?: number | undefined;
  /** Tasks whose variables (as they entered the inbox) hold all these values. */
  variables?: Record<string, FilterableValue> | undefined;
  sort: 'createdAt' | 'dueAt' | 'priority';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** How many tasks past the requested page the inbox counts before it answers "at least". */
export const countBeyondPage = 1000;

const sortColumns = { createdAt: 'created_at', dueAt: 'due_at', priority: 'priority' } as const;

/**
 * The tasks a principal may see: a clerk or supervisor those of their groups and those
 * assigned to them, a supervisor also those of their agency; a citizen only those assigned
 * to them. The visibility rule is part of the SQL, so counts and pages never include other
 * people's tasks.
 */
export function visibility(principal: Principal, param: (v: unknown) => string): string {
  if (principal.role === 'supervisor')
    return `(candidate_groups && ${param(principal.groups)}::text[] or assignee = ${param(principal.login)} or agency = ${param(principal.agency)})`;
  if (principal.role === 'clerk')
    return `(candidate_groups && ${param(principal.groups)}::text[] or assignee = ${param(principal.login)})`;
  if (principal.role === 'admin') return 'true';
  return `assignee = ${param(principal.login)}`;
}

export async function searchInbox(
  db: Queryable,
  principal: Principal,
  filter: InboxFilter,
): Promise<{ items: InboxTaskRow[]; total: number; totalCapped: boolean }> {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where = [visibility(principal, param), `state = ${param(filter.state)}`];
  if (filter.view === 'mine') where.push(`assignee = ${param(principal.login)}`);
  if (filter.view === 'unassigned') where.push('assignee is null');
  if (filter.processId) where.push(`process_id = ${param(filter.processId)}`);
  if (filter.agency) where.push(`agency = ${param(filter.agency)}`);
  if (filter.applicationNumber)
    where.push(`application_number = ${param(filter.applicationNumber)}`);
  if (filter.dueBefore) where.push(`due_at < ${param(filter.dueBefore)}`);
  if (filter.priorityMin !== undefined) where.push(`priority >= ${param(filter.priorityMin)}`);
  // Containment, so the GIN index on variables answers it.
  if (filter.variables && Object.keys(filter.variables).length > 0)
    where.push(`variables @> ${param(JSON.stringify(filter.variables))}::jsonb`);
  const clause = where.join(' and ');
  // Counting a large inbox exactly scans every visible task on each page (a group with 100,000
  // open tasks: tens of ms of CPU per request); past a thousand beyond the page, "at least".
  const countLimit = filter.offset + filter.limit + countBeyondPage;
  const total = await db.query<{ n: number }>(
    `select count(*)::int as n
       from (select 1 from inbox_task where ${clause} limit $${params.length + 1}) visible`,
    [...params, countLimit],
  );
  const order = `${sortColumns[filter.sort]} ${filter.order} nulls last, task_key`;
  const { rows } = await db.query<InboxTaskRow>(
    `select * from inbox_task where ${clause} order by ${order}
      limit ${param(filter.limit)} offset ${param(filter.offset)}`,
    params,
  );
  const n = total.rows[0]?.n ?? 0;
  return { items: rows, total: n, totalCapped: n === countLimit };
}

export async function inboxCounts(db: Queryable, principal: Principal) {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const visible = visibility(principal, param);
  const me = param(principal.login);
  const { rows } = await db.query<{
    all: number;
    mine: number;
    unassigned: number;
    overdue: number;
  }>(
    `select count(*)::int as all,
            count(*) filter (where assignee = ${me})::int as mine,
            count(*) filter (where assignee is null)::int as unassigned,
            count(*) filter (where due_at < now())::int as overdue
       from inbox_task where state = 'open' and ${visible}`,
    params,
  );
  return rows[0] ?? { all: 0, mine: 0, unassigned: 0, overdue: 0 };
}

export async function findTask(db: Queryable, key: string): Promise<InboxTaskRow | undefined> {
  const { rows } = await db.query<InboxTaskRow>('select * from inbox_task where task_key = $1', [
    key,
  ]);
  return rows[0];
}
