import { BalcaoError } from '@balcao/platform';

/**
 * The closed set of ways a connector call can fail. Each kind says whether trying the same
 * call again can help: retryable kinds fail the job with a backoff, the others raise an
 * incident at once (retrying a wrong URL or a refused request only hides the mistake).
 */
export const ConnectorErrorKind = {
  /** The job's variables or headers do not match the connector's input schema. */
  InvalidInput: { code: 'CONNECTOR_INVALID_INPUT', retryable: false },
  /** A `{{secrets.NAME}}` reference names a secret the runtime was not given. */
  SecretMissing: { code: 'CONNECTOR_SECRET_MISSING', retryable: false },
  /** The call did not answer within the per-call timeout. */
  Timeout: { code: 'CONNECTOR_TIMEOUT', retryable: true },
  /** The remote system could not be reached or answered 5xx / 429. */
  Unavailable: { code: 'CONNECTOR_UNAVAILABLE', retryable: true },
  /** The remote system refused our credentials (401 / 403 on an API key). */
  Unauthorized: { code: 'CONNECTOR_UNAUTHORIZED', retryable: false },
  /** The remote system refused the request itself (other 4xx). */
  Rejected: { code: 'CONNECTOR_REJECTED', retryable: false },
  /** A `resultExpression` or `errorExpression` failed to evaluate. */
  Expression: { code: 'CONNECTOR_EXPRESSION_FAILED', retryable: false },
  /** Anything else: a bug in the connector. Not retried. */
  Internal: { code: 'CONNECTOR_INTERNAL', retryable: false },
} as const;

export type ConnectorErrorKind = keyof typeof ConnectorErrorKind;

export function connectorError(
  kind: ConnectorErrorKind,
  message: string,
  options: { cause?: unknown; details?: Record<string, unknown> } = {},
): BalcaoError {
  const { code, retryable } = ConnectorErrorKind[kind];
  return new BalcaoError(code, message, { ...options, retryable });
}

/**
 * A business outcome the process model is expected to catch with an error boundary event
 * (`PERSON_NOT_FOUND`, `TAX_DEBT_OUTSTANDING`, …). Not a technical failure: never retried.
 */
export class BpmnError extends Error {
  readonly errorCode: string;
  readonly variables: Record<string, unknown>;

  constructor(errorCode: string, message: string, variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpmnError';
    this.errorCode = errorCode;
    this.variables = variables;
  }
}
