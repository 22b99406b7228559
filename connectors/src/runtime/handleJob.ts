import { isBalcaoError, type BalcaoError, type Logger } from '@balcao/platform';
import type { z } from 'zod';
import type { AgencyEndpoints } from './AgencyEndpoints';
import { BpmnError, connectorError } from './ConnectorError';
import { controlHeadersSchema, type ControlHeaders } from './controlHeaders';
import type { ConnectorDefinition } from './defineConnector';
import { mapOutcome } from './mapOutcome';
import { maskSecrets, requireResolved, resolveSecrets } from './resolveSecrets';

/** The part of a Zeebe job the runtime reads (the SDK's `ZeebeJob` fits it). */
export interface JobLike {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly retries: number;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly customHeaders: Readonly<Record<string, unknown>>;
}

/** What to tell the engine about a job. */
export type JobOutcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'error'; errorCode: string; errorMessage: string; variables: Record<string, unknown> }
  | { kind: 'fail'; errorMessage: string; retries: number; retryBackOff: number; code: string };

export interface JobDeps {
  readonly secrets: Readonly<Record<string, string>>;
  readonly agencies: AgencyEndpoints;
  readonly log: Logger;
  readonly defaultTimeoutMs: number;
  readonly defaultRetryBackoffMs: number;
  readonly defaultRetries: number;
}

/**
 * Runs one job through a connector and decides the outcome, without touching the engine:
 * headers and input are checked, secrets resolved, the call bounded by a timeout, the response
 * mapped by `errorExpression` / `resultVariable` / `resultExpression`, failures turned into a
 * retry with exponential backoff or an incident.
 */
export async function handleJob(
  job: JobLike,
  connector: ConnectorDefinition,
  deps: JobDeps,
): Promise<JobOutcome> {
  let headers: ControlHeaders = {};
  try {
    headers = parseHeaders(job.customHeaders);
    const input = parseInput(connector.input, resolveSecrets(job.variables, deps.secrets));
    requireResolved(input);
    const timeoutMs = headers.timeout ?? connector.timeoutMs ?? deps.defaultTimeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await withTimeout(
      connector.run(input, {
        jobKey: job.key,
        idempotencyKey: job.key,
        processInstanceKey: job.processInstanceKey,
        bpmnProcessId: job.bpmnProcessId,
        elementId: job.elementId,
        signal,
        log: deps.log.child({ connector: connector.type, jobKey: job.key }),
        agencies: deps.agencies,
      }),
      signal,
      timeoutMs,
    );
    // Expressions see the job's variables as they are, secret references unresolved, so a
    // result expression cannot copy a secret into the process.
    return mapOutcome(response, headers, job.variables);
  } catch (error) {
    if (error instanceof BpmnError) {
      return {
        kind: 'error',
        errorCode: error.errorCode,
        errorMessage: error.message,
        variables: error.variables,
      };
    }
    const failure = asConnectorError(error);
    const retries = failure.retryable ? Math.max(0, job.retries - 1) : 0;
    const started = headers.retries ?? deps.defaultRetries;
    const attempt = Math.max(1, started - job.retries + 1);
    const base = headers.retryBackoff ?? deps.defaultRetryBackoffMs;
    return {
      kind: 'fail',
      code: failure.code,
      errorMessage: maskSecrets(`${failure.code}: ${failure.message}`, deps.secrets),
      retries,
      retryBackOff: retries > 0 ? base * 2 ** (attempt - 1) : 0,
    };
  }
}

function parseHeaders(raw: Readonly<Record<string, unknown>>): ControlHeaders {
  const parsed = controlHeadersSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw connectorError('InvalidInput', `Invalid task header ${describeIssues(parsed.error)}.`);
}

function parseInput(schema: z.ZodType, variables: unknown): unknown {
  const parsed = schema.safeParse(variables);
  if (parsed.success) return parsed.data;
  throw connectorError(
    'InvalidInput',
    `Invalid connector input: ${describeIssues(parsed.error)}. Fix the input mapping of the task.`,
  );
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
}

/** Some calls (PDF rendering, a client that ignores the signal) must still end on time. */
async function withTimeout<T>(work: Promise<T>, signal: AbortSignal, ms: number): Promise<T> {
  let onAbort: (() => void) | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    onAbort = () =>
      reject(
        connectorError('Timeout', `The call did not finish within ${ms} ms; it will be retried.`),
      );
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function asConnectorError(error: unknown): BalcaoError {
  if (isBalcaoError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return connectorError('Timeout', 'The call did not finish in time; it will be retried.', {
      cause: error,
    });
  }
  return connectorError('Internal', `The connector failed unexpectedly: ${String(error)}`, {
    cause: error,
  });
}
