import { z } from 'zod';
import { milestoneLabel } from '../applications/presentApplication';
import type { InboxTaskRow } from '../tracking/TaskSync';

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
