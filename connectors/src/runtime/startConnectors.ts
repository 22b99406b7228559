import type { Logger } from '@balcao/platform';
import type { AgencyEndpoints } from './AgencyEndpoints';
import { ConnectorMetrics, JobResult, type ConnectorMetricsSnapshot } from './ConnectorMetrics';
import type { ConnectorDefinition } from './defineConnector';
import { handleJob, type JobDeps, type JobLike, type JobOutcome } from './handleJob';

/** The job actions of the SDK's `ZeebeJob` that the runtime uses. */
export interface ZeebeJobActions extends JobLike {
  complete(variables?: Record<string, unknown>): Promise<unknown>;
  fail(failure: {
    errorMessage: string;
    retries?: number;
    retryBackOff?: number;
  }): Promise<unknown>;
  error(error: {
    errorCode: string;
    errorMessage?: string;
    variables: Record<string, unknown>;
  }): Promise<unknown>;
}

/** The part of `@camunda8/sdk`'s `ZeebeGrpcClient` the runtime needs. */
export interface ZeebeWorkerClient {
  createWorker(options: {
    taskType: string;
    // The SDK types the job generically; the runtime reads it through `ZeebeJobActions`.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    taskHandler: (job: any) => any;
    timeout?: number;
    maxJobsToActivate?: number;
    stdout?: {
      debug(message: string): void;
      info(message: string): void;
      error(message: string): void;
    };
  }): { close(timeout?: number): Promise<unknown> };
}

export interface StartConnectorsOptions {
  zeebe: ZeebeWorkerClient;
  connectors: readonly ConnectorDefinition[];
  /** Values for `{{secrets.NAME}}` references, e.g. from `CONNECTOR_SECRET_*` variables. */
  secrets?: Readonly<Record<string, string>>;
  agencies: AgencyEndpoints;
  log: Logger;
  defaultTimeoutMs?: number;
  defaultRetryBackoffMs?: number;
  /** Retries a task starts with when it has no `retries` header (Zeebe's default is 3). */
  defaultRetries?: number;
  /** How long the engine locks an activated job for one worker (ms). */
  jobTimeoutMs?: number;
  maxJobsToActivate?: number;
  /** Told of every job once the engine took its outcome (e.g. to keep a timeline). */
  onJobDone?: JobObserver;
}

/**
 * Hears of a job once the engine took its outcome, with when the worker received it: the
 * steps the outcome led to already exist by then, so a timeline dates the job from receipt.
 */
export type JobObserver = (job: JobLike, outcome: JobOutcome, receivedAt: Date) => Promise<void>;

export interface RunningConnectors {
  metrics(): ConnectorMetricsSnapshot;
  close(): Promise<void>;
}

/** Starts one Zeebe job worker per connector. */
export function startConnectors(options: StartConnectorsOptions): RunningConnectors {
  const metrics = new ConnectorMetrics();
  const deps: JobDeps = {
    secrets: options.secrets ?? {},
    agencies: options.agencies,
    log: options.log,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 10_000,
    defaultRetryBackoffMs: options.defaultRetryBackoffMs ?? 1_000,
    defaultRetries: options.defaultRetries ?? 3,
  };
  const workers = options.connectors.map((connector) =>
    options.zeebe.createWorker({
      taskType: connector.type,
      timeout: options.jobTimeoutMs ?? 60_000,
      maxJobsToActivate: options.maxJobsToActivate ?? 8,
      stdout: sdkLogger(options.log, connector.type),
      taskHandler: async (job: ZeebeJobActions) => {
        const receivedAt = new Date();
        const started = performance.now();
        const outcome = await handleJob(job, connector, deps);
        const result = resultOf(outcome);
        metrics.record(connector.type, result, performance.now() - started);
        logOutcome(options.log, connector.type, job, outcome, result);
        const applied = await applyOutcome(job, outcome);
        await options.onJobDone?.(job, outcome, receivedAt).catch((error: unknown) => {
          options.log.warn({ err: error, jobKey: job.key }, 'job observer failed');
        });
        return applied;
      },
    }),
  );
  return {
    metrics: () => metrics.snapshot(),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

function applyOutcome(job: ZeebeJobActions, outcome: JobOutcome): Promise<unknown> {
  switch (outcome.kind) {
    case 'complete':
      return job.complete(outcome.variables);
    case 'error':
      return job.error({
        errorCode: outcome.errorCode,
        errorMessage: outcome.errorMessage,
        variables: outcome.variables,
      });
    case 'fail':
      return job.fail({
        errorMessage: outcome.errorMessage,
        retries: outcome.retries,
        retryBackOff: outcome.retryBackOff,
      });
  }
}

function resultOf(outcome: JobOutcome): JobResult {
  if (outcome.kind === 'complete') return JobResult.Completed;
  if (outcome.kind === 'error') return JobResult.BpmnError;
  return outcome.retries > 0 ? JobResult.Retried : JobResult.Incident;
}

// Only keys and codes are logged: variables may hold personal data, inputs may hold secrets.
function logOutcome(
  log: Logger,
  connectorType: string,
  job: JobLike,
  outcome: JobOutcome,
  result: JobResult,
): void {
  const fields = {
    connector: connectorType,
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    result,
  };
  if (outcome.kind === 'fail') {
    const level = outcome.retries > 0 ? 'warn' : 'error';
    log[level](
      {
        ...fields,
        code: outcome.code,
        retries: outcome.retries,
        retryBackOff: outcome.retryBackOff,
      },
      outcome.errorMessage,
    );
  } else if (outcome.kind === 'error') {
    log.info({ ...fields, errorCode: outcome.errorCode }, 'connector job ended with a BPMN error');
  } else {
    log.info(fields, 'connector job completed');
  }
}

// The SDK's own worker chatter (connects, polls, channel closed) goes to our logs at debug.
function sdkLogger(log: Logger, connectorType: string) {
  const child = log.child({ component: 'zeebe-worker', connector: connectorType });
  return {
    debug: (message: string) => child.debug(message),
    info: (message: string) => child.debug(message),
    error: (message: string) => child.warn(message),
  };
}
