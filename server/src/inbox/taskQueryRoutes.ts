import { z } from 'zod';
import type { Queryable } from '@balcao/platform';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageWindow } from '../api/pagination';
import { applicationDetail } from '../applications/applicationContext';
import type { ApplicationRow } from '../applications/applicationQueries';
import { applicationDetailSchema } from '../applications/presentApplication';
import type { InboxTaskRow } from '../tracking/TaskSync';
import { inboxCounts, searchInbox } from './inboxQueries';
import { inboxQuerySchema } from './inboxQuerySchema';
import { presentTask, taskSchema } from './presentTask';
import { loadTask, taskParams } from './requireTaskAccess';
import { commentSchema, commentsOf } from './taskCommentRoutes';
import { taskForm } from './taskForm';
import type { TaskRouteDeps } from './taskRoutes';

/** Reading the inbox: the list, its counts and one task with what the clerk needs to decide. */
export function taskQueryRoutes(deps: TaskRouteDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'Your inbox: filter (also by process variables), sort and page your tasks',
      tag: 'inbox',
      auth: 'required',
      audit: 'none',
      query: inboxQuerySchema,
      response: pagedSchema(taskSchema),
      async handle({ tx, principal, query }) {
        const found = await searchInbox(tx, principal, { ...query, ...pageWindow(query) });
        return paged(found.items.map(presentTask), query, found.total, found.totalCapped);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/counts',
      summary: 'How many open tasks: all, mine, unassigned, overdue',
      tag: 'inbox',
      auth: 'required',
      audit: 'none',
      response: z.object({
        all: z.number(),
        mine: z.number(),
        unassigned: z.number(),
        overdue: z.number(),
      }),
      handle: ({ tx, principal }) => inboxCounts(tx, principal),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id',
      summary: 'One task with its form, the data it shows, comments and history',
      tag: 'inbox',
      auth: 'required',
      audit: 'personal-data',
      transaction: false,
      params: taskParams,
      response: taskSchema.extend({
        form: z.record(z.string(), z.unknown()).nullable(),
        data: z.record(z.string(), z.unknown()),
        /** The application the task works on (its data, timeline and documents), if any. */
        application: applicationDetailSchema.nullable(),
        comments: z.array(commentSchema),
        history: z.array(
          z.object({ at: z.string(), what: z.string(), who: z.string().nullable() }),
        ),
      }),
      async handle({ principal, params, auditTarget }) {
        const task = await loadTask(deps.db, principal, params.id);
        auditTarget(`task:${task.task_key}`);
        const [form, data, comments, history, application] = await Promise.all([
          taskForm(deps.engineRest, task),
          taskData(deps.db, task),
          commentsOf(deps.db, task.task_key),
          historyOf(deps.db, task),
          applicationOf(deps, task),
        ]);
        return { ...presentTask(task), form: form as never, data, application, comments, history };
      },
    }),
  ];
}

/** What the clerk sees of the application: the data the citizen submitted. */
async function taskData(db: Queryable, task: InboxTaskRow): Promise<Record<string, unknown>> {
  if (!task.application_id) return {};
  const { rows } = await db.query<{ data: Record<string, unknown>; number: string }>(
    'select data, number from application where id = $1',
    [task.application_id],
  );
  return rows[0] ? { ...rows[0].data, caseRef: rows[0].number } : {};
}

async function applicationOf(deps: TaskRouteDeps, task: InboxTaskRow) {
  if (!task.application_id) return null;
  const { rows } = await deps.db.query<ApplicationRow>('select * from application where id = $1', [
    task.application_id,
  ]);
  return rows[0] ? applicationDetail(deps.db, rows[0], deps.holidays, new Date()) : null;
}

/** The audit trail of the task. */
async function historyOf(db: Queryable, task: InboxTaskRow) {
  const { rows } = await db.query<{ at: Date; action: string; login: string | null }>(
    `select a.occurred_at as at, a.action, acc.login from audit_log a
       left join account acc on acc.id = a.actor
      where a.target = $1 and a.action like 'POST %' order by a.seq`,
    [`task:${task.task_key}`],
  );
  return [
    { at: new Date(task.created_at).toISOString(), what: 'created', who: null },
    ...rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      what: r.action.replace(/^POST \/api\/tasks\/:id\/?/, '') || r.action,
      who: r.login,
    })),
  ];
}
