import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Engine } from '../../runtime/Engine';
import type { ActivatedJob, ActivateJobsInput } from '../../runtime/jobs/activateJobs';
import { gatewayError } from '../GatewayError';
import {
  parseVariables,
  refuseOperationReference,
  requireDefaultTenant,
  toKey,
  toMillis,
  text,
} from './requestFields';
import { serverStream, unary, type GrpcRequest, type RpcContext } from './rpcHandlers';

/** Long polling when the request says 0 ("use the gateway's default"). */
export const DEFAULT_LONG_POLL_MS = 10_000;
/** Jobs a StreamActivatedJobs call takes per round; each is pushed as soon as it is taken. */
const STREAM_BATCH = 32;
const POLL_SLICE_MS = 1_000;

export function jobRpcs(engine: Engine, ctx: RpcContext): UntypedServiceImplementation {
  return {
    ActivateJobs: serverStream(ctx, async (request, write, signal) => {
      const input = activationInput(request, 'ActivateJobs');
      const max = Number(request.maxJobsToActivate ?? 0);
      if (!Number.isInteger(max) || max < 1)
        throw gatewayError.invalidArgument(
          `Expected to activate jobs with 'maxJobsToActivate' greater than zero, but was '${String(request.maxJobsToActivate)}'.`,
        );
      const requested = toMillis(request.requestTimeout, 'requestTimeout');
      const requestTimeout = requested === 0 ? DEFAULT_LONG_POLL_MS : requested < 0 ? 0 : requested;
      const jobs = await activateWithin(
        engine,
        { ...input, maxJobsToActivate: max },
        requestTimeout,
        signal,
      );
      if (jobs.length > 0) await write({ jobs: jobs.map(toGrpcJob) });
    }),

    StreamActivatedJobs: serverStream(ctx, async (request, write, signal) => {
      const input = activationInput(request, 'StreamActivatedJobs');
      while (!signal.aborted) {
        const jobs = await activateWithin(
          engine,
          { ...input, maxJobsToActivate: STREAM_BATCH },
          DEFAULT_LONG_POLL_MS,
          signal,
        );
        // Jobs taken just as the client went away stay activated until their timeout, as in Zeebe.
        for (const job of jobs) if (!signal.aborted) await write(toGrpcJob(job));
      }
    }),

    CompleteJob: unary(ctx, async (request) => {
      await engine.completeJob(toKey(request.jobKey, 'jobKey'), parseVariables(request.variables));
      return {};
    }),

    FailJob: unary(ctx, async (request) => {
      await engine.failJob({
        jobKey: toKey(request.jobKey, 'jobKey'),
        retries: Number(request.retries ?? 0),
        errorMessage: text(request.errorMessage),
        retryBackOff: toMillis(request.retryBackOff, 'retryBackOff'),
        variables: parseVariables(request.variables),
      });
      return {};
    }),

    ThrowError: unary(ctx, async (request) => {
      await engine.throwError({
        jobKey: toKey(request.jobKey, 'jobKey'),
        errorCode: text(request.errorCode),
        errorMessage: text(request.errorMessage),
        variables: parseVariables(request.variables),
      });
      return {};
    }),

    UpdateJobRetries: unary(ctx, async (request) => {
      refuseOperationReference(request);
      await engine.updateJobRetries(toKey(request.jobKey, 'jobKey'), Number(request.retries ?? 0));
      return {};
    }),

    UpdateJobTimeout: unary(ctx, async (request) => {
      refuseOperationReference(request);
      await engine.updateJobTimeout(
        toKey(request.jobKey, 'jobKey'),
        toMillis(request.timeout, 'timeout'),
      );
      return {};
    }),
  };
}

/**
 * Long polling in slices of at most a second: a wake-up that arrives between the engine's
 * empty activation and the start of its wait is lost (see the gateway report), so a worker
 * never waits longer than one slice for a job that is already there.
 */
async function activateWithin(
  engine: Engine,
  input: ActivateJobsInput,
  totalMs: number,
  signal: AbortSignal,
): Promise<ActivatedJob[]> {
  const until = Date.now() + totalMs;
  for (;;) {
    const left = until - Date.now();
    const jobs = await engine.activateJobs(
      { ...input, requestTimeout: Math.max(0, Math.min(left, POLL_SLICE_MS)) },
      signal,
    );
    if (jobs.length > 0 || left <= POLL_SLICE_MS || signal.aborted) return jobs;
  }
}

function activationInput(request: GrpcRequest, rpc: string) {
  requireDefaultTenant(request.tenantIds, 'tenantIds');
  const type = text(request.type);
  if (type === '')
    throw gatewayError.invalidArgument(
      `Expected to ${rpc} with a non-empty 'type', but it was empty.`,
    );
  const timeout = toMillis(request.timeout, 'timeout');
  if (timeout < 1)
    throw gatewayError.invalidArgument(
      `Expected to ${rpc} with a 'timeout' of at least 1 ms, but was '${timeout}'.`,
    );
  const fetchVariable = Array.isArray(request.fetchVariable)
    ? request.fetchVariable.map(String)
    : [];
  return { type, worker: text(request.worker), timeout, fetchVariable };
}

function toGrpcJob(job: ActivatedJob): object {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: job.tenantId,
  };
}
