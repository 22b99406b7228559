import { isBalcaoError } from '@balcao/platform';
import { ApiErrorCode, statusByCode } from './ApiErrorCode';

export interface FieldError {
  path: string;
  message: string;
}

export interface HttpError {
  status: number;
  body: { error: { code: string; message: string; fields?: FieldError[]; requestId?: string } };
  retryAfterSeconds?: number;
  /** True when the cause must be logged: an error we did not expect. */
  unexpected: boolean;
}

/**
 * The one mapper from thrown errors to HTTP answers. BalcaoErrors keep their code and message;
 * anything else becomes a 500 whose message reveals nothing of the cause.
 */
export function toHttpError(error: unknown): HttpError {
  if (isBalcaoError(error)) {
    const status = statusByCode[error.code] ?? (error.retryable ? 503 : 400);
    const fields = error.details?.fields as FieldError[] | undefined;
    const retryAfter = error.details?.retryAfterSeconds;
    return {
      status,
      body: { error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } },
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
      unexpected: false,
    };
  }
  const parserError = bodyParserError(error);
  if (parserError) return parserError;
  return {
    status: 500,
    body: {
      error: {
        code: ApiErrorCode.Internal,
        message: 'Something went wrong on our side. Try again; if it persists, contact support.',
      },
    },
    unexpected: true,
  };
}

// express.json() throws http-errors with a `type`; map the ones a client can fix.
function bodyParserError(error: unknown): HttpError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    return clientError(413, ApiErrorCode.PayloadTooLarge, 'The request body is too large.');
  }
  if (type === 'entity.parse.failed') {
    return clientError(400, ApiErrorCode.ValidationFailed, 'The request body is not valid JSON.');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return clientError(415, ApiErrorCode.UnsupportedMediaType, 'Send the body as UTF-8 JSON.');
  }
  return undefined;
}

function clientError(status: number, code: string, message: string): HttpError {
  return { status, body: { error: { code, message } }, unexpected: false };
}
