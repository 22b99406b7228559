import { validateSubmission, type FormDefinition } from '@balcao/forms';
import { formValidationFailed } from '../api/formValidationFailed';
import type { EngineRest } from '../integrations/internalClient';
import type { InboxTaskRow } from '../tracking/TaskSync';

/** A Camunda user task's linked form, from `GET /v2/user-tasks/{key}/form`. */
export async function taskForm(
  rest: EngineRest,
  task: InboxTaskRow,
): Promise<FormDefinition | null> {
  // Job-based tasks name embedded forms by key only; their data is not form-validated.
  if (!task.form_key || task.kind !== 'camunda') return null;
  const form = await rest.get<{ schema: string }>(`/user-tasks/${task.task_key}/form`);
  return form ? (JSON.parse(form.schema) as FormDefinition) : null;
}

/** The task's completion data, checked against its form (400 naming the fields when wrong). */
export async function validatedTaskData(
  rest: EngineRest,
  task: InboxTaskRow,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const form = await taskForm(rest, task);
  if (!form) return data;
  const result = await validateSubmission(form, data);
  if (result.ok) return result.data;
  throw formValidationFailed(result.errors);
}
