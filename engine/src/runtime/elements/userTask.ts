import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import { ValueType } from '../../log/EngineEvent';
import {
  JOB_WORKER_USER_TASK_TYPE,
  type Expression,
  type UserTask,
} from '../../model/CompiledProcess';
import type { ElementInstanceRow, UserTaskRow } from '../../state/rows';
import type { CommandContext } from '../context/CommandContext';
import { raiseIncident } from '../incidents/raiseIncident';
import { cancelJobsOf, createJob, type PreparedJob } from '../jobs/jobBehaviour';
import { beginCanceling, createUserTask } from '../listeners/taskListeners';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { visibleVariables } from '../variables/variables';

export interface Assignment {
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  formKey: number | null;
  formId: string | null;
  externalFormReference: string | null;
}

/**
 * A user task: a Camunda user task (`zeebe:userTask`, driven over the REST API) or a
 * job-based one (a job of type io.camunda.zeebe:userTask with Zeebe's standard headers).
 */
export const userTask: ElementBehaviour<UserTask> = {
  async prepare(life, element, instance) {
    const assignment = await evaluateAssignment(life.ctx, element, instance);
    if ('error' in assignment) {
      raiseIncident(life.ctx, instance, assignment.type, assignment.error, 'activate');
      return { ok: false };
    }
    return { ok: true, data: assignment };
  },
  activated(life, element, instance, data) {
    const a = data as Assignment;
    if (!element.userTask.camunda) {
      createJob(life, instance, jobFor(element, a));
      return;
    }
    createUserTask(life, element, camundaTaskRow(life, element, instance, a));
  },
  terminating(life, element, instance) {
    cancelJobsOf(life, instance);
    for (const task of life.ctx.state.userTasks.filter(
      (t) =>
        t.elementInstanceKey === instance.key && t.state !== 'COMPLETED' && t.state !== 'CANCELED',
    )) {
      if (beginCanceling(life, element, task)) return true;
      life.ctx.emit(
        ValueType.UserTask,
        'CANCELED',
        task.key,
        { row: task },
        task.processInstanceKey,
      );
    }
  },
};

/** The row of a new Camunda user task of an element instance. */
export function camundaTaskRow(
  life: Lifecycle,
  element: UserTask,
  instance: ElementInstanceRow,
  a: Assignment,
): UserTaskRow {
  return {
    key: life.ctx.nextKey(),
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    state: 'CREATED',
    assignee: a.assignee,
    candidateGroups: a.candidateGroups,
    candidateUsers: a.candidateUsers,
    dueDate: a.dueDate,
    followUpDate: a.followUpDate,
    priority: a.priority,
    createdAt: life.ctx.now(),
    record: {
      bpmnProcessId: instance.record.bpmnProcessId,
      processDefinitionKey: instance.record.processDefinitionKey,
      processDefinitionVersion: instance.record.version,
      elementId: instance.elementId,
      formKey: a.formKey,
      formId: a.formId,
      externalFormReference: a.externalFormReference,
      // Camunda user tasks expose their `balcao:` headers and zeebe:properties (milestones).
      customHeaders: element.job?.headers ?? element.properties,
    },
  };
}

function jobFor(element: UserTask, a: Assignment): PreparedJob {
  const headers: Record<string, string> = { ...(element.job?.headers ?? {}) };
  const form = element.userTask.form;
  if (form?.formKey) headers['io.camunda.zeebe:formKey'] = form.formKey;
  else if (a.formKey !== null) headers['io.camunda.zeebe:formKey'] = String(a.formKey);
  if (a.assignee) headers['io.camunda.zeebe:assignee'] = a.assignee;
  if (a.candidateGroups.length > 0)
    headers['io.camunda.zeebe:candidateGroups'] = JSON.stringify(a.candidateGroups);
  if (a.candidateUsers.length > 0)
    headers['io.camunda.zeebe:candidateUsers'] = JSON.stringify(a.candidateUsers);
  if (a.dueDate) headers['io.camunda.zeebe:dueDate'] = a.dueDate;
  if (a.followUpDate) headers['io.camunda.zeebe:followUpDate'] = a.followUpDate;
  return { type: JOB_WORKER_USER_TASK_TYPE, retries: 1, headers };
}

type AssignmentResult = Assignment | { error: string; type: 'EXTRACT_VALUE_ERROR' | 'UNKNOWN' };

export async function evaluateAssignment(
  ctx: CommandContext,
  element: UserTask,
  instance: ElementInstanceRow,
): Promise<AssignmentResult> {
  const vars = visibleVariables(ctx, instance.key);
  const t = element.userTask;
  const str = (e: Expression | undefined) =>
    e ? evaluateStaticOrFeel(e, vars, 'string') : { ok: true as const, value: null };
  const list = (e: Expression | undefined) =>
    e ? evaluateStaticOrFeel(e, vars, 'list-of-strings') : { ok: true as const, value: [] };
  const assignee = str(t.assignee);
  const groups = list(t.candidateGroups);
  const users = list(t.candidateUsers);
  const due = str(t.dueDate);
  const followUp = str(t.followUpDate);
  const priority = t.priority
    ? evaluateStaticOrFeel(t.priority, vars, 'number')
    : { ok: true as const, value: 50 };
  for (const r of [assignee, groups, users, due, followUp, priority]) {
    if (!r.ok) return { error: r.message, type: 'EXTRACT_VALUE_ERROR' };
  }
  for (const [name, r] of [
    ['dueDate', due],
    ['followUpDate', followUp],
  ] as const) {
    if (r.ok && r.value !== null && r.value !== '' && Number.isNaN(Date.parse(r.value))) {
      return {
        error: `Expected the ${name} '${r.value}' to be an ISO-8601 date-time such as 2026-12-01T17:00:00+08:00.`,
        type: 'EXTRACT_VALUE_ERROR',
      };
    }
  }
  if (priority.ok && (priority.value < 0 || priority.value > 100)) {
    return {
      error: `Expected the priority to be between 0 and 100, but was ${priority.value}.`,
      type: 'EXTRACT_VALUE_ERROR',
    };
  }
  let formKey: number | null = null;
  let external: string | null = null;
  const form = t.form;
  if (form?.formId) {
    formKey = await findFormKey(
      ctx,
      form.formId,
      form.bindingType,
      form.versionTag,
      instance.record.processDefinitionKey,
    );
    if (formKey === null) {
      return {
        error: `Expected to find a form with id '${form.formId}', but no form with this id is found, at least a form with this id should be available. Deploy the form and resolve the incident.`,
        type: 'UNKNOWN',
      };
    }
  } else if (form?.externalReference) {
    const ref = evaluateStaticOrFeel(form.externalReference, vars, 'string');
    if (!ref.ok) return { error: ref.message, type: 'EXTRACT_VALUE_ERROR' };
    external = ref.value;
  }
  const dateOrNull = (v: string | null) => (v ? new Date(v).toISOString() : null);
  return {
    assignee: assignee.ok && assignee.value ? assignee.value : null,
    candidateGroups: groups.ok ? groups.value : [],
    candidateUsers: users.ok ? users.value : [],
    dueDate: due.ok ? dateOrNull(due.value) : null,
    followUpDate: followUp.ok ? dateOrNull(followUp.value) : null,
    priority: priority.ok ? priority.value : 50,
    formKey,
    formId: form?.formId ?? null,
    externalFormReference: external,
  };
}

async function findFormKey(
  ctx: CommandContext,
  formId: string,
  binding: string,
  versionTag: string | undefined,
  processDefinitionKey: number,
): Promise<number | null> {
  const where =
    binding === 'deployment'
      ? 'form_id = $1 and deployment_key = (select deployment_key from engine_process where key = $2)'
      : binding === 'versionTag'
        ? 'form_id = $1 and version_tag = $3 and $2::bigint is not null'
        : 'form_id = $1 and $2::bigint is not null';
  const params: unknown[] = [formId, processDefinitionKey];
  if (binding === 'versionTag') params.push(versionTag ?? '');
  const result = await ctx.tx.query<{ key: number }>(
    `select key from engine_form where ${where} order by version desc limit 1`,
    params,
  );
  return result.rows[0]?.key ?? null;
}
