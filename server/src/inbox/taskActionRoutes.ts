import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQueryOf, pageWindow } from '../api/pagination';
import { requireAgencySupervisor } from '../access/authorize';
import { isOwnUpload, linkUploads } from '../documents/applicationUploads';
import { Role } from '../identity/Principal';
import type { InboxTaskRow } from '../tracking/TaskSync';
import { assignableAccounts, assigneeSchema } from './assignableAccounts';
import { findTask } from './inboxQueries';
import { presentTask, taskSchema } from './presentTask';
import { loadTask, requireOpen, taskParams } from './requireTaskAccess';
import { validatedTaskData } from './taskForm';
import type { TaskRouteDeps } from './taskRoutes';

/**
 * Working a task: claim, give back, assign (supervisors) and complete. Camunda user tasks are
 * changed in the engine too; job-based ones have no assignment there, so the inbox holds it.
 */
export function taskActionRoutes(deps: TaskRouteDeps): ApiRoute[] {
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

  return [
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
        const task = await loadTask(deps.db, principal, params.id);
        requireOpen(task);
        if (task.assignee && task.assignee !== principal.login)
          throw apiErrors.conflict(
            `Task ${task.task_key} is already assigned to ${task.assignee}. Ask a supervisor to reassign it.`,
          );
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
      summary: 'Give a task back to its groups (your own; supervisors any of their agency)',
      tag: 'inbox',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor],
      transaction: false,
      params: taskParams,
      response: taskSchema,
      async handle({ principal, params, auditTarget }) {
        const task = await loadTask(deps.db, principal, params.id);
        requireOpen(task);
        if (task.assignee === null)
          throw apiErrors.conflict(`Task ${task.task_key} is not assigned to anyone.`);
        if (task.assignee !== principal.login && principal.role !== Role.Supervisor)
          throw apiErrors.conflict(
            `Task ${task.task_key} is assigned to ${task.assignee}, not to you. Ask a supervisor to reassign it.`,
          );
        // A task for one person (the applicant's reply, a co-signature) has nobody to go back to.
        if (task.candidate_groups.length === 0 && task.candidate_users.length === 0)
          throw apiErrors.conflict(
            `Task ${task.task_key} is for ${task.assignee} alone and has no groups to give it back to.`,
          );
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
      query: pageQueryOf(100),
      response: pagedSchema(assigneeSchema),
      async handle({ tx, principal, params, query }) {
        const task = requireAgencySupervisor(principal, await findTask(tx, params.id));
        // The staff of a task's groups: a short list, paged here.
        const all = await assignableAccounts(tx, task);
        const { limit, offset } = pageWindow(query);
        return paged(all.slice(offset, offset + limit), query, all.length);
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
        if (task.kind === 'camunda')
          await tasks.assignUserTask({ userTaskKey: task.task_key, assignee, allowOverride: true });
        auditTarget(`task:${task.task_key}`, { assignee });
        return presentTask(await changed(task, { assignee }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/complete',
      summary: 'Complete a task with its form data (validated on the server, both kinds of task)',
      tag: 'inbox',
      auth: 'required',
      transaction: false,
      params: taskParams,
      body: z.object({ data: z.record(z.string(), z.unknown()).default({}) }),
      response: taskSchema,
      async handle({ principal, params, body, auditTarget }) {
        const task = await loadTask(deps.db, principal, params.id);
        requireOpen(task);
        if (principal.role !== 'citizen' && task.assignee !== principal.login)
          throw apiErrors.conflict(`Claim task ${task.task_key} before you complete it.`);
        const { data, uploads } = await validatedTaskData(
          deps.engineRest,
          task,
          body.data,
          (documentId) => isOwnUpload(deps.db, principal, documentId),
        );
        if (task.kind === 'job')
          await deps.camunda
            .getZeebeGrpcApiClient()
            .completeJob({ jobKey: task.task_key, variables: data as never });
        else await tasks.completeUserTask({ userTaskKey: task.task_key, variables: data });
        auditTarget(`task:${task.task_key}`);
        const done = await changed(task, { state: 'completed', completed_at: new Date() });
        if (task.application_id) {
          await linkUploads(deps.db, task.application_id, uploads);
          await deps.tracker.completeStep(task.application_id, `task:${task.task_key}`, new Date());
        }
        void deps.sync.kick();
        return presentTask(done);
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
