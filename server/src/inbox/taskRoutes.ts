import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';
import { BalcaoError, type Database, type Queryable } from '@balcao/platform';
import { validateSubmission, type FormDefinition } from '@balcao/forms';
import { formValidationFailed } from '../api/formValidationFailed';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import { requireAgencySupervisor, requireGroupTask, requireRole } from '../access/authorize';
import { Role, type Principal } from '../identity/Principal';
import type { EngineRest } from '../integrations/internalClient';
import { applicationDetail } from '../applications/applicationContext';
import type { ApplicationRow } from '../applications/applicationQueries';
import { applicationDetailSchema, milestoneLabel } from '../applications/presentApplication';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import type { InboxTaskRow, TaskSync } from '../tracking/TaskSync';
import type { Tracker } from '../tracking/Tracker';
import { assignableAccounts, assigneeSchema } from './assignableAccounts';
import { findTask, inboxCounts, searchInbox } from './inboxQueries';

export interface TaskRouteDeps {
  db: Database;
  holidays: HolidayCalendar;
  camunda: Camunda8;
  engineRest: EngineRest;
  sync: TaskSync;
  tracker: Tracker;
}

const text3 = z.record(z.string(), z.string());
export const taskSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: text3.nullable(),
  processId: z.string(),
  elementId: z.string(),
  applicationNumber: z.string().nullable(),
  agency: z.string().nullable(),
  candidateGroups: z.array(z.string()),
  assignee: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  priority: z.number(),
  state: z.string(),
  kind: z.string(),
});

export function presentTask(t: InboxTaskRow): z.infer<typeof taskSchema> {
  return {
    id: t.task_key,
    name: t.name,
    label: milestoneLabel(t.headers) ?? null,
    processId: t.process_id,
    elementId: t.element_id,
    applicationNumber: t.application_number,
    agency: t.agency,
    candidateGroups: t.candidate_groups,
    assignee: t.assignee,
    createdAt: new Date(t.created_at).toISOString(),
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    completedAt: t.completed_at ? new Date(t.completed_at).toISOString() : null,
    priority: t.priority,
    state: t.state,
    kind: t.kind,
  };
}

const taskParams = z.object({ id: z.string().regex(/^\d{1,20}$/) });

/** A task the principal may work on: their groups', assigned to them, or (citizens) theirs. */
function requireTaskAccess(principal: Principal, task: InboxTaskRow | undefined): InboxTaskRow {
  if (principal.role === 'admin' && task) return task;
  if (principal.role === 'citizen') {
    if (!task || task.assignee !== principal.login) throw apiErrors.notFound('The task');
    return task;
  }
  requireGroupTask(
    principal,
    task && {
      candidateGroups: task.candidate_groups,
      assignee: task.assignee,
      agency: task.agency,
    },
  );
  return task as InboxTaskRow;
}

function requireOpen(task: InboxTaskRow): void {
  if (task.state !== 'open')
    throw apiErrors.conflict(`Task ${task.task_key} is ${task.state}; reload your inbox.`);
}

/** The inbox: tasks of the clerk's groups (or the citizen's own), claimed and completed here. */
export function taskRoutes(deps: TaskRouteDeps): ApiRoute[] {
  const tasks = deps.camunda.getCamundaRestClient();
  const changed = async (task: InboxTaskRow, patch: Partial<InboxTaskRow>) => {
    const { rows } = await deps.db.query<InboxTaskRow>(
      `update inbox_task set assignee = $2, state = $3, completed_at = $4 where task_key = $1 returning *`,
      [
        task.task_key,
        patch.assignee === undefined ? task.assignee : patch.assignee,
        patch.state ?? task.state,
        patch.completed_at ?? task.completed_at,
      ],
    );
    const row = rows[0] as InboxTaskRow;
    deps.sync.announceTask(row, row.state === 'open' ? 'task.updated' : 'task.removed');
    return row;
  };
  const load = async (principal: Principal, id: string) =>
    requireTaskAccess(principal, await findTask(deps.db, id));

  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'Your inbox: filter, sort and page the tasks you may work on',
      tag: 'inbox',
      auth: 'required',
      audit: 'none',
      query: pageQuerySchema.extend({
        view: z.enum(['all', 'mine', 'unassigned']).default('all'),
        state: z.enum(['open', 'completed', 'canceled']).default('open'),
        processId: z.string().max(64).optional(),
        agency: z.string().max(20).optional(),
        applicationNumber: z.string().max(30).optional(),
        dueBefore: z.iso.datetime({ offset: true }).optional(),
        priorityMin: z.coerce.number().int().min(0).max(100).optional(),
        sort: z.enum(['createdAt', 'dueAt', 'priority']).default('createdAt'),
        order: z.enum(['asc', 'desc']).default('asc'),
      }),
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
        comments: z.array(z.object({ author: z.string(), text: z.string(), at: z.string() })),
        history: z.array(
          z.object({ at: z.string(), what: z.string(), who: z.string().nullable() }),
        ),
      }),
      async handle({ principal, params, auditTarget }) {
        const task = await load(principal, params.id);
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
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/claim',
      summary: 'Take a task: it is assigned to you',
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor],
      transaction: false,
      params: taskParams,
      response: taskSchema,
      async handle({ principal, params, auditTarget }) {
        const task = await load(principal, params.id);
        requireOpen(task);
        if (task.assignee && task.assignee !== principal.login)
          throw apiErrors.conflict(
            `Task ${task.task_key} is already assigned to ${task.assignee}. Ask a supervisor to reassign it.`,
          );
        // Job-based user tasks have no assignment in the engine: the inbox holds it.
        if (task.kind === 'camunda')
          await tasks.assignUserTask({
            userTaskKey: task.task_key,
            assignee: principal.login,
            allowOverride: false,
          });
        auditTarget(`task:${task.task_key}`);
        return presentTask(await changed(task, { assignee: principal.login }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/unclaim',
      summary: 'Give a task back to its groups',
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor],
      transaction: false,
      params: taskParams,
      response: taskSchema,
      async handle({ principal, params, auditTarget }) {
        const task = await load(principal, params.id);
        requireOpen(task);
        if (task.assignee !== principal.login && principal.role !== Role.Supervisor)
          throw apiErrors.conflict(`Task ${task.task_key} is not assigned to you.`);
        if (task.kind === 'camunda') await tasks.unassignUserTask({ userTaskKey: task.task_key });
        auditTarget(`task:${task.task_key}`);
        return presentTask(await changed(task, { assignee: null }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id/assignees',
      summary: "Who a supervisor may assign the task to: staff of the task's groups",
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      audit: 'none',
      params: taskParams,
      response: z.object({ items: z.array(assigneeSchema) }),
      async handle({ tx, principal, params }) {
        const task = requireAgencySupervisor(principal, await findTask(tx, params.id));
        return { items: await assignableAccounts(tx, task) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/assign',
      summary: "Assign a task to a clerk of its groups (supervisors of the task's agency)",
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      transaction: false,
      params: taskParams,
      body: z.object({ assignee: z.string().min(1).max(200) }),
      response: taskSchema,
      async handle({ principal, params, body, auditTarget }) {
        const task = requireAgencySupervisor(principal, await findTask(deps.db, params.id));
        requireOpen(task);
        const assignee = body.assignee.toLowerCase();
        const candidates = await assignableAccounts(deps.db, task);
        if (!candidates.some((a) => a.login === assignee)) throw notAssignable(task, assignee);
        // Job-based user tasks have no assignment in the engine: the inbox holds it.
        if (task.kind === 'camunda')
          await tasks.assignUserTask({ userTaskKey: task.task_key, assignee, allowOverride: true });
        auditTarget(`task:${task.task_key}`, { assignee });
        return presentTask(await changed(task, { assignee }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/complete',
      summary: 'Complete a task with its form data (validated on the server)',
      tag: 'inbox',
      auth: 'required',
      transaction: false,
      params: taskParams,
      body: z.object({ data: z.record(z.string(), z.unknown()).default({}) }),
      response: taskSchema,
      async handle({ principal, params, body, auditTarget }) {
        const task = await load(principal, params.id);
        requireOpen(task);
        if (principal.role !== 'citizen' && task.assignee !== principal.login)
          throw apiErrors.conflict(`Claim task ${task.task_key} before you complete it.`);
        const form = await taskForm(deps.engineRest, task);
        const data = form ? await validated(form, body.data) : body.data;
        if (task.kind === 'job')
          await deps.camunda
            .getZeebeGrpcApiClient()
            .completeJob({ jobKey: task.task_key, variables: data as never });
        else await tasks.completeUserTask({ userTaskKey: task.task_key, variables: data });
        auditTarget(`task:${task.task_key}`);
        const done = await changed(task, { state: 'completed', completed_at: new Date() });
        if (task.application_id)
          await deps.tracker.completeStep(task.application_id, `task:${task.task_key}`, new Date());
        void deps.sync.kick();
        return presentTask(done);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/comments',
      summary: 'Add a comment to a task (staff only)',
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor],
      status: 201,
      params: taskParams,
      body: z.object({ text: z.string().trim().min(1).max(2000) }),
      response: z.object({ author: z.string(), text: z.string(), at: z.string() }),
      async handle({ tx, principal, params, body, auditTarget }) {
        requireRole(principal, Role.Clerk, Role.Supervisor);
        requireTaskAccess(principal, await findTask(tx, params.id));
        await tx.query(
          'insert into task_comment (id, task_key, author_login, text) values ($1, $2, $3, $4)',
          [randomUUID(), params.id, principal.login, body.text],
        );
        auditTarget(`task:${params.id}`);
        return { author: principal.login, text: body.text, at: new Date().toISOString() };
      },
    }),
  ];
}

function notAssignable(task: InboxTaskRow, login: string): BalcaoError {
  const groups = task.candidate_groups.join(', ') || 'none';
  const message = `${login} does not work for the task's groups (${groups}). Choose someone from GET /api/tasks/${task.task_key}/assignees.`;
  return new BalcaoError(ApiErrorCode.ValidationFailed, message, {
    details: { fields: [{ path: 'assignee', in: 'body', message }] },
  });
}

async function taskForm(rest: EngineRest, task: InboxTaskRow): Promise<FormDefinition | null> {
  // Job-based tasks name embedded forms by key only; their data is not form-validated.
  if (!task.form_key || task.kind !== 'camunda') return null;
  const form = await rest.get<{ schema: string }>(`/user-tasks/${task.task_key}/form`);
  return form ? (JSON.parse(form.schema) as FormDefinition) : null;
}

async function validated(form: FormDefinition, data: Record<string, unknown>) {
  const result = await validateSubmission(form, data);
  if (result.ok) return result.data;
  throw formValidationFailed(result.errors);
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

async function commentsOf(db: Queryable, key: string) {
  const { rows } = await db.query<{ author_login: string; text: string; created_at: Date }>(
    'select author_login, text, created_at from task_comment where task_key = $1 order by created_at',
    [key],
  );
  return rows.map((r) => ({
    author: r.author_login,
    text: r.text,
    at: new Date(r.created_at).toISOString(),
  }));
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
