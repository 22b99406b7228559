import { ValueType } from '../../log/EngineEvent';
import { loadRows } from '../../state/loadInstanceState';
import type { Lifecycle } from '../lifecycle/Lifecycle';

export interface ActivateJobsInput {
  type: string;
  worker: string;
  /** How long the worker may hold the jobs (ms). */
  timeout: number;
  maxJobsToActivate: number;
  /** Only these variables (all when empty). */
  fetchVariable: string[];
}

/** A job as handed to a worker (Zeebe's ActivatedJob). */
export interface ActivatedJob {
  key: number;
  type: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: number;
  elementId: string;
  elementInstanceKey: number;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch milliseconds. */
  deadline: number;
  variables: Record<string, unknown>;
  tenantId: string;
}

/**
 * Hands up to `maxJobsToActivate` activatable jobs of a type to one worker. Rows are taken
 * with FOR UPDATE SKIP LOCKED, so workers on any node never receive the same job.
 */
export async function activateJobs(
  life: Lifecycle,
  input: ActivateJobsInput,
): Promise<ActivatedJob[]> {
  const ctx = life.ctx;
  await loadRows(
    ctx.tx,
    ctx.state,
    'jobs',
    `key in (select key from engine_job where type = $1 and state = 'ACTIVATABLE' order by key limit $2 for update skip locked)`,
    [input.type, input.maxJobsToActivate],
  );
  const jobs = [...ctx.state.jobs.values()].sort((a, b) => a.key - b.key);
  if (jobs.length === 0) return [];
  const deadline = new Date(ctx.nowMs() + input.timeout).toISOString();
  ctx.emit(ValueType.JobBatch, 'ACTIVATED', ctx.nextKey(), {
    type: input.type,
    worker: input.worker,
    deadline,
    jobKeys: jobs.map((j) => j.key),
  });
  const variables = await jobVariables(
    life,
    jobs.map((j) => j.key),
    input.fetchVariable,
  );
  return jobs.map((job) => ({
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.record.bpmnProcessId,
    processDefinitionVersion: job.record.processDefinitionVersion,
    processDefinitionKey: job.record.processDefinitionKey,
    elementId: job.record.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: job.record.customHeaders,
    worker: input.worker,
    retries: job.retries,
    deadline: Date.parse(deadline),
    variables: variables.get(job.key) ?? {},
    tenantId: '<default>',
  }));
}

/** The variables each job's element sees (the nearest scope wins), limited to `names` if given. */
async function jobVariables(
  life: Lifecycle,
  jobKeys: number[],
  names: string[],
): Promise<Map<number, Record<string, unknown>>> {
  const result = await life.ctx.tx.query<{
    job_key: number;
    name: string;
    value: unknown;
    depth: number;
  }>(
    `with recursive chain(job_key, scope_key, depth) as (
       select j.key, j.element_instance_key, 0 from engine_job j where j.key = any($1::bigint[])
       union all
       select c.job_key, e.flow_scope_key, c.depth + 1
         from chain c join engine_element_instance e on e.key = c.scope_key
        where e.flow_scope_key is not null)
     select c.job_key, v.name, v.value, c.depth
       from chain c join engine_variable v on v.scope_key = c.scope_key
      where cardinality($2::text[]) = 0 or v.name = any($2::text[])
      order by c.job_key, c.depth desc`,
    [jobKeys, names],
  );
  const byJob = new Map<number, Record<string, unknown>>();
  // Rows come farthest scope first, so nearer scopes overwrite.
  for (const row of result.rows) {
    const vars = byJob.get(row.job_key) ?? {};
    vars[row.name] = row.value;
    byJob.set(row.job_key, vars);
  }
  return byJob;
}
