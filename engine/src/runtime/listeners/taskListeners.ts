import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import { ValueType } from '../../log/EngineEvent';
import type { TaskListener, UserTask } from '../../model/CompiledProcess';
import type { JobRow, PendingTaskTransition, TaskAttributes, UserTaskRow } from '../../state/rows';
import { reject } from '../commands/EngineRejection';
import { raiseIncident } from '../incidents/raiseIncident';
import { createJob } from '../jobs/jobBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables/variables';
import type { JobResult, TaskCorrections } from './completeListenerJob';

type EventType = PendingTaskTransition['eventType'];

/** USER_TASK intents of each transition: while listeners run, when done, when denied. */
const intents = {
  creating: { running: 'CREATING', done: 'CREATED', denied: undefined },
  assigning: { running: 'ASSIGNING', done: 'ASSIGNED', denied: 'ASSIGNMENT_DENIED' },
  updating: { running: 'UPDATING', done: 'UPDATED', denied: 'UPDATE_DENIED' },
  completing: { running: 'COMPLETING', done: 'COMPLETED', denied: 'COMPLETION_DENIED' },
  canceling: { running: 'CANCELING', done: 'CANCELED', denied: undefined },
} as const;

export function taskListenersOf(element: UserTask, eventType: string): TaskListener[] {
  return element.userTask.taskListeners.filter((l) => l.eventType === eventType);
}

/**
 * Creates a Camunda user task: at once, or after its `creating` listeners. An assignee the
 * process sets goes through the `assigning` listeners once the task exists, as in Zeebe.
 */
export function createUserTask(life: Lifecycle, element: UserTask, row: UserTaskRow): void {
  const thenAssign =
    row.assignee && taskListenersOf(element, 'assigning').length > 0 ? row.assignee : undefined;
  const created = thenAssign ? { ...row, assignee: null } : row;
  if (taskListenersOf(element, 'creating').length === 0) {
    life.ctx.emit(ValueType.UserTask, 'CREATED', row.key, { row: created }, row.processInstanceKey);
    if (thenAssign)
      beginTaskTransition(life, created, 'assigning', { assignee: thenAssign }, 'assign');
    return;
  }
  const pending: PendingTaskTransition = {
    eventType: 'creating',
    change: {},
    corrections: {},
    action: '',
    ...(thenAssign ? { thenAssign } : {}),
  };
  const creating: UserTaskRow = {
    ...created,
    state: 'CREATING',
    record: { ...created.record, pending },
  };
  life.ctx.emit(ValueType.UserTask, 'CREATING', row.key, { row: creating }, row.processInstanceKey);
  runTaskListener(life, creating.key, 0);
}

/**
 * Starts a lifecycle transition of a created task; false when the task has no listeners for
 * it (the caller then applies the transition at once).
 */
export function beginTaskTransition(
  life: Lifecycle,
  task: UserTaskRow,
  eventType: Exclude<EventType, 'creating'>,
  change: Partial<TaskAttributes>,
  action: string,
  variables?: Record<string, unknown>,
): boolean {
  const element = elementOf(life, task);
  if (!element || taskListenersOf(element, eventType).length === 0) return false;
  const pending: PendingTaskTransition = {
    eventType,
    change,
    corrections: {},
    action,
    ...(variables ? { variables } : {}),
  };
  life.ctx.emit(
    ValueType.UserTask,
    intents[eventType].running,
    task.key,
    { pending },
    task.processInstanceKey,
  );
  runTaskListener(life, task.key, 0);
  return true;
}

/**
 * SetVariables on a task's element: with `updating` listeners the variables are set only once
 * they are done (and not if one denies). False when the task has none.
 */
export function beginVariableUpdate(
  life: Lifecycle,
  task: UserTaskRow,
  variables: Record<string, unknown>,
  local: boolean,
): boolean {
  const element = elementOf(life, task);
  if (!element || taskListenersOf(element, 'updating').length === 0) return false;
  const pending: PendingTaskTransition = {
    eventType: 'updating',
    change: {},
    corrections: {},
    action: '',
    variables,
    localVariables: local,
  };
  life.ctx.emit(ValueType.UserTask, 'UPDATING', task.key, { pending }, task.processInstanceKey);
  runTaskListener(life, task.key, 0);
  return true;
}

/**
 * The task's element is terminated: its `canceling` listeners run first, and the element
 * stays TERMINATING until they are done. True while it waits for them. A modification's
 * termination runs none (as in Zeebe).
 */
export function beginCanceling(life: Lifecycle, element: UserTask, task: UserTaskRow): boolean {
  if (taskListenersOf(element, 'canceling').length === 0) return false;
  for (let at = life.instance(task.elementInstanceKey); at;) {
    if (at.record.modificationTerminated) return false;
    at = at.flowScopeKey === null ? undefined : life.instance(at.flowScopeKey);
  }
  const pending: PendingTaskTransition = {
    eventType: 'canceling',
    change: {},
    corrections: {},
    action: '',
  };
  life.ctx.emit(ValueType.UserTask, 'CANCELING', task.key, { pending }, task.processInstanceKey);
  runTaskListener(life, task.key, 0);
  return true;
}

/** Runs the transition's listeners again from the first (an incident on one was resolved). */
export function restartTaskListeners(life: Lifecycle, elementInstanceKey: number): void {
  const task = life.ctx.state.userTasks.find(
    (t) => t.elementInstanceKey === elementInstanceKey && t.record.pending !== undefined,
  );
  if (!task) return;
  life.ctx.emit(
    ValueType.UserTask,
    'CORRECTED',
    task.key,
    { corrections: null },
    task.processInstanceKey,
  );
  runTaskListener(life, task.key, 0);
}

/** Rejects what a task listener's worker may not answer (before anything changes). */
export function checkTaskListenerResult(
  job: JobRow,
  variables: Record<string, unknown>,
  result: JobResult | undefined,
): void {
  const what = `Expected to complete task listener job with key '${job.key}'`;
  if (Object.keys(variables).length > 0) {
    throw reject.invalidArgument(
      `${what} without variables, but variables were given: task listeners cannot set variables. Complete it without variables (use corrections for the task's attributes).`,
    );
  }
  const eventType = job.record.listenerEventType as EventType;
  if (result?.denied && intents[eventType].denied === undefined) {
    throw reject.invalidArgument(
      `${what}, but it denies the '${eventType}' transition, which cannot be denied. Deny only assigning, updating or completing.`,
    );
  }
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = result?.corrections?.[field];
    if (typeof value === 'string' && value !== '' && Number.isNaN(Date.parse(value))) {
      throw reject.invalidArgument(
        `${what}, but the corrected ${field} '${value}' is not an ISO-8601 date-time. Give one such as 2026-12-01T17:00:00+08:00, or '' to clear it.`,
      );
    }
  }
  const priority = result?.corrections?.priority;
  if (priority !== undefined && priority !== null && !(priority >= 0 && priority <= 100)) {
    throw reject.invalidArgument(
      `${what}, but the corrected priority is ${String(priority)}. Give a priority between 0 and 100.`,
    );
  }
}

/** A task listener's job was completed: deny, correct, run the next listener or finish. */
export function taskListenerCompleted(life: Lifecycle, job: JobRow, result: JobResult): void {
  const task = life.ctx.state.userTasks.find(
    (t) => t.elementInstanceKey === job.elementInstanceKey && t.record.pending !== undefined,
  );
  const pending = task?.record.pending;
  if (!task || !pending) return;
  const ctx = life.ctx;
  const denied = intents[pending.eventType].denied;
  if (result.denied && denied) {
    ctx.emit(
      ValueType.UserTask,
      denied,
      task.key,
      { deniedReason: result.deniedReason ?? '' },
      task.processInstanceKey,
    );
    return;
  }
  const corrections = normalize(result.corrections);
  if (Object.keys(corrections).length > 0) {
    ctx.emit(ValueType.UserTask, 'CORRECTED', task.key, { corrections }, task.processInstanceKey);
  }
  if (!runTaskListener(life, task.key, (job.record.listenerIndex ?? 0) + 1)) finish(life, task.key);
}

function finish(life: Lifecycle, taskKey: number): void {
  const task = life.ctx.state.userTasks.get(taskKey)!;
  const pending = task.record.pending!;
  const change = { ...pending.change, ...pending.corrections };
  const value: Record<string, unknown> = { change, action: pending.action };
  if (pending.eventType === 'completing') value.variables = pending.variables ?? {};
  life.ctx.emit(
    ValueType.UserTask,
    intents[pending.eventType].done,
    task.key,
    value,
    task.processInstanceKey,
  );
  if (pending.eventType === 'completing') {
    life.push({ op: 'complete', key: task.elementInstanceKey, variables: pending.variables ?? {} });
  } else if (pending.eventType === 'updating' && pending.variables) {
    const { elementInstanceKey: key, processInstanceKey } = task;
    if (pending.localVariables)
      setLocalVariables(life.ctx, key, processInstanceKey, pending.variables);
    else propagateVariables(life.ctx, key, processInstanceKey, pending.variables);
  } else if (pending.eventType === 'canceling') {
    life.push({ op: 'terminated', key: task.elementInstanceKey });
  } else if (pending.thenAssign) {
    const created = life.ctx.state.userTasks.get(taskKey)!;
    beginTaskTransition(life, created, 'assigning', { assignee: pending.thenAssign }, 'assign');
  }
}

/** Creates the job of the transition's listener at `index`; false when none is left. */
function runTaskListener(life: Lifecycle, taskKey: number, index: number): boolean {
  const task = life.ctx.state.userTasks.get(taskKey)!;
  const pending = task.record.pending!;
  const element = elementOf(life, task)!;
  const listener = taskListenersOf(element, pending.eventType)[index];
  if (!listener) return false;
  const instance = life.instance(task.elementInstanceKey)!;
  const variables = visibleVariables(life.ctx, instance.key);
  const type = evaluateStaticOrFeel(listener.type, variables, 'string');
  const retries = type.ok ? evaluateStaticOrFeel(listener.retries, variables, 'number') : type;
  if (!type.ok || !retries.ok) {
    const message = !type.ok ? type.message : !retries.ok ? retries.message : '';
    raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', message, 'taskListener');
    return true;
  }
  createJob(
    life,
    instance,
    {
      type: type.value,
      retries: retries.value,
      headers: { ...(element.job?.headers ?? {}), ...taskHeaders(task, pending) },
    },
    { kind: 'TASK_LISTENER', listenerEventType: pending.eventType, listenerIndex: index },
  );
  return true;
}

/**
 * The task as the listener sees it (the transition's change and earlier corrections applied),
 * in Zeebe's `io.camunda.zeebe:` headers: the gateway protocol we serve has no `userTask` field.
 */
function taskHeaders(task: UserTaskRow, pending: PendingTaskTransition): Record<string, string> {
  const seen = { ...task, ...pending.change, ...pending.corrections };
  const differs = (k: string) =>
    JSON.stringify(seen[k as keyof TaskAttributes]) !==
    JSON.stringify(task[k as keyof TaskAttributes]);
  const changed = [
    ...new Set([...Object.keys(pending.change), ...Object.keys(pending.corrections)]),
  ].filter((k) => k in pending.change || differs(k));
  if (pending.eventType === 'updating' && pending.variables) changed.push('variables');
  const headers: Record<string, string> = {
    'io.camunda.zeebe:userTaskKey': String(task.key),
    'io.camunda.zeebe:action': pending.action,
    'io.camunda.zeebe:changedAttributes': JSON.stringify(changed),
    'io.camunda.zeebe:candidateGroups': JSON.stringify(seen.candidateGroups),
    'io.camunda.zeebe:candidateUsers': JSON.stringify(seen.candidateUsers),
    'io.camunda.zeebe:priority': String(seen.priority),
  };
  if (seen.assignee) headers['io.camunda.zeebe:assignee'] = seen.assignee;
  if (seen.dueDate) headers['io.camunda.zeebe:dueDate'] = seen.dueDate;
  if (seen.followUpDate) headers['io.camunda.zeebe:followUpDate'] = seen.followUpDate;
  if (task.record.formKey !== null)
    headers['io.camunda.zeebe:formKey'] = String(task.record.formKey);
  return headers;
}

/** Zeebe's correction rules: null keeps a value, an empty string (or list) clears it. */
function normalize(corrections: TaskCorrections | undefined): Partial<TaskAttributes> {
  const out: Partial<TaskAttributes> = {};
  if (!corrections) return out;
  const text = (v: string) => (v === '' ? null : v);
  const date = (v: string) => (v === '' ? null : new Date(v).toISOString());
  if (typeof corrections.assignee === 'string') out.assignee = text(corrections.assignee);
  if (typeof corrections.dueDate === 'string') out.dueDate = date(corrections.dueDate);
  if (typeof corrections.followUpDate === 'string')
    out.followUpDate = date(corrections.followUpDate);
  if (Array.isArray(corrections.candidateGroups)) out.candidateGroups = corrections.candidateGroups;
  if (Array.isArray(corrections.candidateUsers)) out.candidateUsers = corrections.candidateUsers;
  if (typeof corrections.priority === 'number') out.priority = corrections.priority;
  return out;
}

function elementOf(life: Lifecycle, task: UserTaskRow): UserTask | undefined {
  const instance = life.instance(task.elementInstanceKey);
  const element = instance ? life.element(instance) : undefined;
  return element?.kind === 'userTask' ? element : undefined;
}
