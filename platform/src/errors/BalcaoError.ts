/**
 * The one base error of Balcão. `code` is stable (clients and tests match on it), `message`
 * tells a person what went wrong and what to do, `cause` keeps the underlying error for the
 * logs, and `retryable` says whether trying the same thing again can succeed.
 */
export class BalcaoError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; retryable?: boolean; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BalcaoError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  static retryable(code: string, message: string, cause?: unknown): BalcaoError {
    return new BalcaoError(code, message, { cause, retryable: true });
  }

  static nonRetryable(code: string, message: string, cause?: unknown): BalcaoError {
    return new BalcaoError(code, message, { cause, retryable: false });
  }
}

export function isBalcaoError(error: unknown, code?: string): error is BalcaoError {
  return error instanceof BalcaoError && (code === undefined || error.code === code);
}
