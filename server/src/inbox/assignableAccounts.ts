import { z } from 'zod';
import type { Queryable } from '@balcao/platform';
import type { InboxTaskRow } from '../tracking/TaskSync';

export const assigneeSchema = z.object({
  login: z.string(),
  displayName: z.string(),
  role: z.string(),
  groups: z.array(z.string()),
});
export type Assignee = z.infer<typeof assigneeSchema>;

/**
 * The staff a task can be given to: clerks and supervisors in one of its candidate groups,
 * or named among its candidate users. Nobody else would see it in their inbox.
 */
export async function assignableAccounts(db: Queryable, task: InboxTaskRow): Promise<Assignee[]> {
  const { rows } = await db.query<{
    login: string;
    display_name: string;
    role: string;
    groups: string[];
  }>(
    `select login, display_name, role, groups from account
      where role in ('clerk', 'supervisor')
        and (exists (select 1 from jsonb_array_elements_text(groups) g where g = any($1::text[]))
             or login = any($2::text[]))
      order by login`,
    [task.candidate_groups, task.candidate_users],
  );
  return rows.map((r) => ({
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    groups: r.groups,
  }));
}
