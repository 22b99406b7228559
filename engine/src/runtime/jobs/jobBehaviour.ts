import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import { ValueType } from '../../log/EngineEvent';
import type { JobDefinition } from '../../model/CompiledProcess';
import type { ElementInstanceRow, IncidentRow, JobRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { Prepared } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { visibleVariables } from '../variables/variables';

export interface PreparedJob {
  type: string;
  retries: number;
  headers: Record<string, string>;
}

/** Evaluates a job's type and retries (either may be FEEL) before the element is ACTIVATED. */
export function prepareJob(
  life: Lifecycle,
  instance: ElementInstanceRow,
  job: JobDefinition,
  extraHeaders: Record<string, string> = {},
  retry: IncidentRow['record']['retry'] = 'activate',
): Prepared {
  const variables = visibleVariables(life.ctx, instance.key);
  const type = evaluateStaticOrFeel(job.type, variables, 'string');
  if (!type.ok) {
    raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', type.message, retry);
    return { ok: false };
  }
  const retries = evaluateStaticOrFeel(job.retries, variables, 'number');
  if (!retries.ok) {
    raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', retries.message, retry);
    return { ok: false };
  }
  const data: PreparedJob = {
    type: type.value,
    retries: retries.value,
    headers: { ...job.headers, ...extraHeaders },
  };
  return { ok: true, data };
}

/** Creates the job the element waits for; workers of its type are woken after commit. */
export function createJob(
  life: Lifecycle,
  instance: ElementInstanceRow,
  job: PreparedJob,
  record: Partial<JobRow['record']> = {},
): JobRow {
  const row: JobRow = {
    key: life.ctx.nextKey(),
    type: job.type,
    state: 'ACTIVATABLE',
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    retries: job.retries,
    deadline: null,
    recurAt: null,
    record: {
      bpmnProcessId: instance.record.bpmnProcessId,
      processDefinitionKey: instance.record.processDefinitionKey,
      processDefinitionVersion: instance.record.version,
      elementId: instance.elementId,
      customHeaders: job.headers,
      worker: '',
      errorMessage: '',
      errorCode: '',
      kind: 'BPMN_ELEMENT',
      ...record,
    },
  };
  life.ctx.emit(ValueType.Job, 'CREATED', row.key, { row }, row.processInstanceKey);
  life.ctx.createdJobTypes.push(row.type);
  return row;
}

/** The element no longer waits: its job (if any) is canceled. */
export function cancelJobsOf(life: Lifecycle, instance: ElementInstanceRow): void {
  for (const job of life.ctx.state.jobs.filter((j) => j.elementInstanceKey === instance.key)) {
    life.ctx.emit(ValueType.Job, 'CANCELED', job.key, { row: job }, job.processInstanceKey);
  }
}
