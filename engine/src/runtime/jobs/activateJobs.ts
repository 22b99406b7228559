import { ValueType } from '../../log/EngineEvent';
import type { JobRow } from '../../state/rows';
import { rowFromJson, tables } from '../../state/tables';
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
  const variables = await takeJobs(life, input);
  const jobs = [...ctx.state.jobs.values()].sort((a, b) => a.key - b.key);
  if (jobs.length === 0) return [];
  const deadline = new Date(ctx.nowMs() + input.timeout).toISOString();
  ctx.emit(ValueType.JobBatch, 'ACTIVATED', ctx.nextKey(), {
    type: input.type,
    worker: input.worker,
    deadline,
    jobKeys: jobs.map((j) => j.key),
  });
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

/**
 * Takes the jobs (FOR UPDATE SKIP LOCKED) into the state and reads the variables each job's
 * element sees (the nearest scope wins; only `fetchVariable` if given), in one statement.
 */
async function takeJobs(
  life: Lifecycle,
  input: ActivateJobsInput,
): Promise<Map<number, Record<string, unknown>>> {
  const result = await life.ctx.tx.query<{
    jobs: Record<string, unknown>[];
    variables: { job_key: number; name: string; value: unknown }[];
  }>(
    `with recursive taken as (
       select j.* from engine_job j where j.type = $1 and j.state = 'ACTIVATABLE'
        order by j.key limit $2 for update skip locked),
     chain(job_key, scope_key, depth) as (
       select t.key, t.element_instance_key, 0 from taken t
       union all
       select c.job_key, e.flow_scope_key, c.depth + 1
         from chain c join engine_element_instance e on e.key = c.scope_key
        where e.flow_scope_key is not null)
     select (select coalesce(json_agg(t), '[]'::json) from taken t) as jobs,
            (select coalesce(json_agg(json_build_object('job_key', c.job_key, 'name', v.name, 'value', v.value)
                       order by c.job_key, c.depth desc), '[]'::json)
               from chain c join engine_variable v on v.scope_key = c.scope_key
              where cardinality($3::text[]) = 0 or v.name = any($3::text[])) as variables`,
    [input.type, input.maxJobsToActivate, input.fetchVariable],
  );
  const row = result.rows[0]!;
  life.ctx.state.jobs.load(row.jobs.map((json) => rowFromJson<JobRow>(tables.jobs, json)));
  const byJob = new Map<number, Record<string, unknown>>();
  // Rows come farthest scope first, so nearer scopes overwrite.
  for (const v of row.variables) {
    const vars = byJob.get(v.job_key) ?? {};
    vars[v.name] = v.value;
    byJob.set(v.job_key, vars);
  }
  return byJob;
}
