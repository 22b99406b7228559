import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '@balcao/platform';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { Role } from '../identity/Principal';
import { loadTask, taskParams } from './requireTaskAccess';

export const commentSchema = z.object({ author: z.string(), text: z.string(), at: z.string() });

/** Staff notes on a task: clerks and supervisors who may work on it write them. */
export function taskCommentRoutes(): ApiRoute[] {
  return [
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
      response: commentSchema,
      async handle({ tx, principal, params, body, auditTarget }) {
        const task = await loadTask(tx, principal, params.id);
        const { rows } = await tx.query<{ created_at: Date }>(
          `insert into task_comment (id, task_key, author_login, text) values ($1, $2, $3, $4)
           returning created_at`,
          [randomUUID(), task.task_key, principal.login, body.text],
        );
        auditTarget(`task:${task.task_key}`);
        return {
          author: principal.login,
          text: body.text,
          at: new Date(rows[0]?.created_at ?? Date.now()).toISOString(),
        };
      },
    }),
  ];
}

/** A task's comments, oldest first. */
export async function commentsOf(
  db: Queryable,
  key: string,
): Promise<z.infer<typeof commentSchema>[]> {
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
