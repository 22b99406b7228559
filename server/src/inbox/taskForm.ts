import { BalcaoError } from '@balcao/platform';
import { validateSubmission, type FormDefinition } from '@balcao/forms';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { formValidationFailed } from '../api/formValidationFailed';
import type { EngineRest } from '../integrations/internalClient';
import type { InboxTaskRow } from '../tracking/TaskSync';

/** A linked form's key, as Zeebe puts it in a job-based user task's `io.camunda.zeebe:formKey`. */
const DEPLOYED_FORM_KEY = /^\d{1,20}$/;

/**
 * The form a task is completed with, read through the engine's REST API: a Camunda user task's
 * linked form from `GET /v2/user-tasks/{key}/form`; a job-based one's from its job header
 * `io.camunda.zeebe:formKey`, which for a linked form (`zeebe:formDefinition formId`) is the
 * deployed form's key (`GET /v2/forms/{formKey}`). Other keys (Tasklist's embedded
 * `camunda-forms:bpmn:…`, an application's own) name no schema the server can read.
 */
export async function taskForm(
  rest: EngineRest,
  task: InboxTaskRow,
): Promise<FormDefinition | null> {
  const path = formPath(task);
  const form = path ? await rest.get<{ schema: string | FormDefinition }>(path) : undefined;
  if (!form) return null;
  return typeof form.schema === 'string'
    ? (JSON.parse(form.schema) as FormDefinition)
    : form.schema;
}

/**
 * The task's completion data, checked against its form (400 naming the fields when wrong). A task
 * that names a form the engine does not serve is refused rather than completed unchecked. A file
 * field may only name the caller's own uploads (`ownUpload`); `uploads` lists those it names.
 */
export async function validatedTaskData(
  rest: EngineRest,
  task: InboxTaskRow,
  data: Record<string, unknown>,
  ownUpload: (documentId: string) => Promise<boolean>,
): Promise<{ data: Record<string, unknown>; uploads: string[] }> {
  const form = await taskForm(rest, task);
  if (!form) {
    if (formPath(task)) throw formUnreadable(task);
    return { data, uploads: [] };
  }
  const uploads: string[] = [];
  const result = await validateSubmission(form, data, {
    documentExists: async ({ documentId }) => {
      const own = await ownUpload(documentId);
      if (own) uploads.push(documentId);
      return own;
    },
  });
  if (result.ok) return { data: result.data, uploads };
  throw formValidationFailed(result.errors);
}

function formPath(task: InboxTaskRow): string | undefined {
  if (!task.form_key) return undefined;
  if (task.kind === 'camunda') return `/user-tasks/${task.task_key}/form`;
  return DEPLOYED_FORM_KEY.test(task.form_key) ? `/forms/${task.form_key}` : undefined;
}

function formUnreadable(task: InboxTaskRow): BalcaoError {
  return new BalcaoError(
    ApiErrorCode.Unavailable,
    `Task ${task.task_key} is completed with form ${task.form_key}, which the engine did not return, so its data cannot be checked. Try again later; if it persists, ask an administrator to check the engine serves the form (GET /v2/forms/{key}).`,
  );
}
