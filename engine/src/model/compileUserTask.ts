import type { ModdleElement } from 'bpmn-moddle';
import { parseIsoDateTime } from '../timers/parseIsoDateTime';
import {
  JOB_WORKER_USER_TASK_TYPE,
  type Expression,
  type FormReference,
  type JobDefinition,
  type UserTaskDefinition,
} from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { children, extension, str } from './moddleAccess';
import { readExpression } from './readExpression';
import { compileBinding, compileHeaders } from './compileJob';

export function compileUserTask(
  errors: ModelErrors,
  element: ModdleElement,
): { userTask: UserTaskDefinition; job?: JobDefinition } {
  const camunda = extension(element, 'zeebe:UserTask') !== undefined;
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const read = (
    source: ModdleElement | undefined,
    key: string,
    label: string,
  ): Expression | undefined => {
    const raw = str(source, key);
    return raw === undefined || raw.trim() === ''
      ? undefined
      : readExpression(errors, element, label, raw);
  };
  const dueDate = read(schedule, 'dueDate', 'zeebe:taskSchedule dueDate');
  const followUpDate = read(schedule, 'followUpDate', 'zeebe:taskSchedule followUpDate');
  for (const [label, value] of [
    ['dueDate', dueDate],
    ['followUpDate', followUpDate],
  ] as const) {
    if (value?.kind !== 'static') continue;
    const parsed = parseIsoDateTime(value.value);
    if (!parsed.ok) errors.add(element, `zeebe:taskSchedule ${label}: ${parsed.message}`);
  }
  const priority = read(
    extension(element, 'zeebe:PriorityDefinition'),
    'priority',
    'zeebe:priorityDefinition priority',
  );
  if (priority?.kind === 'static' && !/^(100|[1-9]?\d)$/.test(priority.value.trim())) {
    errors.add(
      element,
      `zeebe:priorityDefinition priority '${priority.value}' must be a whole number from 0 to 100`,
    );
  }
  const form = compileForm(errors, element);
  const userTask: UserTaskDefinition = {
    camunda,
    ...optional('assignee', read(assignment, 'assignee', 'zeebe:assignmentDefinition assignee')),
    ...optional(
      'candidateGroups',
      read(assignment, 'candidateGroups', 'zeebe:assignmentDefinition candidateGroups'),
    ),
    ...optional(
      'candidateUsers',
      read(assignment, 'candidateUsers', 'zeebe:assignmentDefinition candidateUsers'),
    ),
    ...optional('dueDate', dueDate),
    ...optional('followUpDate', followUpDate),
    ...optional('priority', priority),
    ...(form === undefined ? {} : { form }),
    taskListeners: children(extension(element, 'zeebe:TaskListeners'), 'listeners').map(
      (listener) => {
        const type = str(listener, 'type') ?? '';
        if (type.trim() === '')
          errors.add(element, 'zeebe:taskListener has no job type: set its type');
        return {
          eventType: str(listener, 'eventType') ?? 'completing',
          type: readExpression(errors, element, 'zeebe:taskListener type', type),
          retries: readExpression(
            errors,
            element,
            'zeebe:taskListener retries',
            str(listener, 'retries') ?? '3',
          ),
        };
      },
    ),
  };
  if (camunda) return { userTask };
  return { userTask, job: jobWorkerUserTask(userTask, compileHeaders(element)) };
}

function compileForm(errors: ModelErrors, element: ModdleElement): FormReference | undefined {
  const definition = extension(element, 'zeebe:FormDefinition');
  if (definition === undefined) return undefined;
  const formId = str(definition, 'formId');
  const formKey = str(definition, 'formKey');
  const external = str(definition, 'externalReference');
  const given = [formId, formKey, external].filter((v) => v !== undefined && v.trim() !== '');
  if (given.length !== 1) {
    errors.add(
      element,
      'zeebe:formDefinition needs exactly one of formId, formKey or externalReference: keep one',
    );
  }
  return {
    ...(formId === undefined ? {} : { formId }),
    ...(formKey === undefined ? {} : { formKey }),
    ...(external === undefined
      ? {}
      : {
          externalReference: readExpression(
            errors,
            element,
            'zeebe:formDefinition externalReference',
            external,
          ),
        }),
    ...compileBinding(errors, element, definition, 'zeebe:formDefinition'),
  };
}

// Job-based user tasks carry their settings as Zeebe's standard job headers; FEEL values
// are left for the runtime to evaluate when it creates the job.
function jobWorkerUserTask(
  task: UserTaskDefinition,
  headers: Record<string, string>,
): JobDefinition {
  const standard: Record<string, string> = { ...headers };
  const put = (key: string, value: Expression | string | undefined) => {
    if (typeof value === 'string') standard[`io.camunda.zeebe:${key}`] = value;
    else if (value?.kind === 'static') standard[`io.camunda.zeebe:${key}`] = value.value;
  };
  put('formKey', task.form?.formKey);
  put('assignee', task.assignee);
  if (task.candidateGroups?.kind === 'static')
    put('candidateGroups', JSON.stringify(splitList(task.candidateGroups.value)));
  if (task.candidateUsers?.kind === 'static')
    put('candidateUsers', JSON.stringify(splitList(task.candidateUsers.value)));
  put('dueDate', task.dueDate);
  put('followUpDate', task.followUpDate);
  return {
    type: { kind: 'static', value: JOB_WORKER_USER_TASK_TYPE },
    retries: { kind: 'static', value: '3' },
    headers: standard,
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function optional<K extends string>(
  key: K,
  value: Expression | undefined,
): { [P in K]?: Expression } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: Expression };
}
