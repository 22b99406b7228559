import { z } from 'zod';
import type { Queryable } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { requireGroupTask } from '../access/authorize';
import type { Principal } from '../identity/Principal';
import type { InboxTaskRow } from '../tracking/TaskSync';
import { findTask } from './inboxQueries';

/** `/api/tasks/:id`: task keys are engine keys, digits only. */
export const taskParams = z.object({ id: z.string().regex(/^\d{1,20}$/) });

/** A task the principal may work on: their groups', assigned to them, or (citizens) theirs. */
export function requireTaskAccess(
  principal: Principal,
  task: InboxTaskRow | undefined,
): InboxTaskRow {
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

/** The task with this key, if the principal may work on it (404 otherwise). */
export async function loadTask(
  db: Queryable,
  principal: Principal,
  key: string,
): Promise<InboxTaskRow> {
  return requireTaskAccess(principal, await findTask(db, key));
}

export function requireOpen(task: InboxTaskRow): void {
  if (task.state !== 'open')
    throw apiErrors.conflict(`Task ${task.task_key} is ${task.state}; reload your inbox.`);
}
