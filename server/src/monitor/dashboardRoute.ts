import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { Role } from '../identity/Principal';
import type { ModelOwners } from '../modeling/ModelOwners';
import { MonitorAccess } from './monitorAccess';

// Macao keeps UTC+8 all year (no daylight saving): days start at its midnight.
const MACAO_OFFSET_MS = 8 * 3600_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const bucketSchema = z.object({ start: z.string(), started: z.number(), completed: z.number() });
const backlogSchema = z.object({
  processId: z.string(),
  agency: z.string().nullable(),
  openInstances: z.number(),
  openTasks: z.number(),
  incidents: z.number(),
});

interface Page {
  page: { totalItems: number | string };
}

/**
 * Throughput (instances started and completed per hour or day) and backlog (open instances,
 * open tasks and incidents per process) of the processes the supervisor may watch. Counts
 * come from Camunda's searches (their totals), so they hold against a Camunda 8 cluster too;
 * open tasks come from the inbox, Balcão's own projection of every kind of task.
 */
export function dashboardRoute(deps: { camunda: Camunda8; owners: ModelOwners }): ApiRoute {
  const rest = () => deps.camunda.getCamundaRestClient();
  const total = (p: unknown) => Number((p as Page).page.totalItems);
  const countInstances = async (filter: Record<string, unknown>) =>
    total(await rest().searchProcessInstances({ filter, page: { limit: 1 } } as never));

  return defineRoute({
    method: 'get',
    path: '/api/monitor/dashboard',
    summary: 'Supervisors: throughput and backlog of your agency’s processes',
    tag: 'monitor',
    auth: 'required',
    roles: [Role.Supervisor, Role.Admin],
    audit: 'none',
    transaction: false,
    query: z.object({ days: z.coerce.number().int().min(1).max(31).default(7) }),
    response: z.object({
      days: z.number(),
      bucket: z.enum(['hour', 'day']),
      throughput: z.array(bucketSchema),
      backlog: z.array(backlogSchema),
    }),
    async handle({ tx, principal, query }) {
      const access = new MonitorAccess(deps.owners, tx, principal);
      const processIds = await access.watchedProcessIds(deps.camunda);

      const bucket = query.days === 1 ? 'hour' : 'day';
      const starts = bucketStarts(Date.now(), query.days, bucket);
      const width = bucket === 'hour' ? HOUR : DAY;
      const mine = { processDefinitionId: { $in: processIds } };
      const throughput = await Promise.all(
        starts.map(async (start) => {
          if (processIds.length === 0) return { start: iso(start), started: 0, completed: 0 };
          const range = { $gte: iso(start), $lt: iso(start + width) };
          const [started, completed] = await Promise.all([
            countInstances({ ...mine, startDate: range }),
            countInstances({ ...mine, state: 'COMPLETED', endDate: range }),
          ]);
          return { start: iso(start), started, completed };
        }),
      );

      const tasks = await tx.query<{ process_id: string; open: number }>(
        `select process_id, count(*)::int as open from inbox_task
          where state = 'open' and process_id = any($1) group by process_id`,
        [processIds],
      );
      const openTasks = new Map(tasks.rows.map((r) => [r.process_id, r.open]));
      const backlog = await Promise.all(
        processIds.map(async (processId) => {
          const [openInstances, incidents] = await Promise.all([
            countInstances({ processDefinitionId: processId, state: 'ACTIVE' }),
            rest()
              .searchIncidents({
                filter: { processDefinitionId: processId, state: 'ACTIVE' },
                page: { limit: 1 },
              } as never)
              .then(total),
          ]);
          return {
            processId,
            agency: await access.agencyOf(processId),
            openInstances,
            openTasks: openTasks.get(processId) ?? 0,
            incidents,
          };
        }),
      );
      return {
        days: query.days,
        bucket,
        throughput,
        backlog: backlog
          .filter((b) => b.openInstances + b.openTasks + b.incidents > 0)
          .sort(
            (a, b) => b.openInstances - a.openInstances || a.processId.localeCompare(b.processId),
          ),
      };
    },
  });
}

/** The starts of the last `days` days (Macao time) or, for one day, of the last 24 hours. */
function bucketStarts(now: number, days: number, bucket: 'hour' | 'day'): number[] {
  if (bucket === 'hour') {
    const current = Math.floor(now / HOUR) * HOUR;
    return Array.from({ length: 24 }, (_, i) => current - (23 - i) * HOUR);
  }
  const today = Math.floor((now + MACAO_OFFSET_MS) / DAY) * DAY - MACAO_OFFSET_MS;
  return Array.from({ length: days }, (_, i) => today - (days - 1 - i) * DAY);
}

const iso = (ms: number) => new Date(ms).toISOString();
