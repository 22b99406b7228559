import type { Logger } from '@balcao/platform';
import type { z } from 'zod';
import type { AgencyEndpoints } from './AgencyEndpoints';

/** What a connector's `run` gets besides its typed input. */
export interface ConnectorContext {
  /** The Zeebe job key: the same on every retry of the same job, so it is the idempotency key. */
  readonly jobKey: string;
  readonly idempotencyKey: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  /** Aborted when the per-call timeout passes; pass it to every request. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly agencies: AgencyEndpoints;
}

export interface ConnectorDefinition<S extends z.ZodType = z.ZodType> {
  /** The Zeebe task type the worker subscribes to, e.g. `balcao:tax:1`. */
  readonly type: string;
  /** The input, read from the job's variables (after secrets are resolved). */
  readonly input: S;
  /** Default per-call timeout in milliseconds; a `timeout` task header overrides it. */
  readonly timeoutMs?: number;
  /**
   * Does the work and returns the connector's response (JSON). Throw a `BpmnError` for a
   * business outcome the model catches, or a connector error for a technical failure.
   */
  run(input: z.infer<S>, ctx: ConnectorContext): Promise<unknown>;
}

/** Declares a connector; only here so that `run` gets the input type from the schema. */
export function defineConnector<S extends z.ZodType>(
  definition: ConnectorDefinition<S>,
): ConnectorDefinition<S> {
  return definition;
}
