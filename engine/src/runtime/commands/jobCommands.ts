import type { RootQuery } from '../../state/loadInstanceState';
import { ValueType } from '../../log/EngineEvent';
import type { JobRow } from '../../state/rows';
import { completeAdHocJob } from '../adHoc/adHocJobResult';
import { throwError } from '../events/throwError';
import { raiseIncident } from '../incidents/raiseIncident';
import { completeListenerJob, type JobResult } from '../listeners/completeListenerJob';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { setLocalVariables } from '../variables/variables';
import { reject } from './EngineRejection';

/** The root instance a job belongs to (what a job command must lock). */
export function rootOfJob(jobKey: number): RootQuery {
  return {
    sql: 'select p.root_key from engine_job j join engine_process_instance p on p.key = j.process_instance_key where j.key = $1',
    params: [jobKey],
    notFound: () =>
      reject.notFound(`Expected to find job with key '${jobKey}', but no such job was found.`),
  };
}

function jobFor(
  life: Lifecycle,
  jobKey: number,
  action: string,
  states: JobRow['state'][],
): JobRow {
  const job = life.ctx.state.jobs.get(jobKey);
  if (!job)
    throw reject.notFound(
      `Expected to ${action} job with key '${jobKey}', but no such job was found.`,
    );
  if (!states.includes(job.state)) {
    throw reject.invalidState(
      `Expected to ${action} job with key '${jobKey}', but it is in state '${job.state}'.`,
    );
  }
  return job;
}

export function completeJob(
  life: Lifecycle,
  jobKey: number,
  variables: Record<string, unknown>,
  result?: JobResult,
): void {
  const job = jobFor(life, jobKey, 'complete', ['ACTIVATABLE', 'ACTIVATED']);
  if (job.record.kind !== 'BPMN_ELEMENT') {
    completeListenerJob(life, job, variables, result);
    return;
  }
  const instance = life.instance(job.elementInstanceKey)!;
  const element = life.element(instance);
  if (element?.kind === 'adHocSubProcess' && element.job) {
    completeAdHocJob(life, job, instance, element, variables, result);
    return;
  }
  if (result?.type === 'adHocSubProcess' || result?.activateElements) {
    throw reject.invalidArgument(
      `Expected to complete job with key '${jobKey}' with an ad-hoc sub-process result, but its element '${job.record.elementId}' is not an ad-hoc sub-process run by a job worker. Complete it without a result.`,
    );
  }
  life.ctx.emit(
    ValueType.Job,
    'COMPLETED',
    job.key,
    { row: job, variables },
    job.processInstanceKey,
  );
  life.push({ op: 'complete', key: job.elementInstanceKey, variables });
}

export function failJob(
  life: Lifecycle,
  input: {
    jobKey: number;
    retries: number;
    errorMessage: string;
    retryBackOff: number;
    variables: Record<string, unknown>;
  },
): void {
  const job = jobFor(life, input.jobKey, 'fail', ['ACTIVATABLE', 'ACTIVATED']);
  const ctx = life.ctx;
  if (Object.keys(input.variables).length > 0) {
    setLocalVariables(ctx, job.elementInstanceKey, job.processInstanceKey, input.variables);
  }
  const backoff = input.retries > 0 && input.retryBackOff > 0;
  ctx.emit(
    ValueType.Job,
    'FAILED',
    job.key,
    {
      retries: input.retries,
      errorMessage: input.errorMessage,
      recurAt: backoff ? new Date(ctx.nowMs() + input.retryBackOff).toISOString() : null,
      retryBackOff: input.retryBackOff,
    },
    job.processInstanceKey,
  );
  if (input.retries > 0 && !backoff) ctx.createdJobTypes.push(job.type);
  if (input.retries <= 0) {
    const element = life.instance(job.elementInstanceKey)!;
    raiseIncident(
      ctx,
      element,
      job.record.kind === 'EXECUTION_LISTENER'
        ? 'EXECUTION_LISTENER_NO_RETRIES'
        : job.record.kind === 'TASK_LISTENER'
          ? 'TASK_LISTENER_NO_RETRIES'
          : 'JOB_NO_RETRIES',
      input.errorMessage || 'No more retries left.',
      'job',
      job.key,
    );
  }
}

export function throwJobError(
  life: Lifecycle,
  input: {
    jobKey: number;
    errorCode: string;
    errorMessage: string;
    variables: Record<string, unknown>;
  },
): void {
  const job = jobFor(life, input.jobKey, 'throw an error for', ['ACTIVATABLE', 'ACTIVATED']);
  if (job.record.kind !== 'BPMN_ELEMENT') {
    throw reject.invalidState(
      `Expected to throw an error for job with key '${input.jobKey}', but it is a job of kind '${job.record.kind}': listeners cannot throw BPMN errors. Fail the job (or complete it) instead.`,
    );
  }
  life.ctx.emit(
    ValueType.Job,
    'ERROR_THROWN',
    job.key,
    { errorCode: input.errorCode, errorMessage: input.errorMessage, variables: input.variables },
    job.processInstanceKey,
  );
  const element = life.instance(job.elementInstanceKey)!;
  throwError(life, element, input.errorCode, input.errorMessage, input.variables, 'job', job.key);
}

export function updateJobRetries(life: Lifecycle, jobKey: number, retries: number): void {
  if (retries < 1) {
    throw reject.invalidArgument(
      `Expected to update retries for job with key '${jobKey}' with a positive amount of retries, but the amount given was '${retries}'.`,
    );
  }
  const job = jobFor(life, jobKey, 'update retries of', [
    'ACTIVATABLE',
    'ACTIVATED',
    'FAILED',
    'ERROR_THROWN',
  ]);
  life.ctx.emit(ValueType.Job, 'RETRIES_UPDATED', job.key, { retries }, job.processInstanceKey);
}

export function updateJobTimeout(life: Lifecycle, jobKey: number, timeoutMs: number): void {
  const job = jobFor(life, jobKey, 'update the timeout of', ['ACTIVATED']);
  const deadline = new Date(life.ctx.nowMs() + timeoutMs).toISOString();
  life.ctx.emit(ValueType.Job, 'TIMEOUT_UPDATED', job.key, { deadline }, job.processInstanceKey);
}

/** Scheduler: an activated job whose deadline passed goes back to the pool. */
export function timeOutJob(life: Lifecycle, jobKey: number): void {
  const job = life.ctx.state.jobs.get(jobKey);
  if (
    !job ||
    job.state !== 'ACTIVATED' ||
    !job.deadline ||
    Date.parse(job.deadline) > life.ctx.nowMs()
  )
    return;
  life.ctx.emit(ValueType.Job, 'TIMED_OUT', job.key, {}, job.processInstanceKey);
  life.ctx.createdJobTypes.push(job.type);
}

/** Scheduler: a failed job whose back-off elapsed can be activated again. */
export function recurJob(life: Lifecycle, jobKey: number): void {
  const job = life.ctx.state.jobs.get(jobKey);
  if (!job || job.state !== 'FAILED' || !job.recurAt || Date.parse(job.recurAt) > life.ctx.nowMs())
    return;
  life.ctx.emit(ValueType.Job, 'RECURRED_AFTER_BACKOFF', job.key, {}, job.processInstanceKey);
  life.ctx.createdJobTypes.push(job.type);
}
