import type { ErrorRequestHandler } from 'express';
import { isBalcaoError, type Logger } from '@balcao/platform';
import { AgencyErrorCode, httpStatusOf } from './agencyErrors';

/**
 * The one HTTP error mapper: every failure leaves as
 * `{ error: { code, message, retryable, fields? } }` with the status of its code.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isBalcaoError(error)) {
      const status = httpStatusOf(error.code);
      if (status >= 500) logger.warn({ err: error, path: req.originalUrl }, error.message);
      res.status(status).json({
        error: {
          code: error.code,
          message: error.message,
          retryable: error.retryable,
          ...error.details,
        },
      });
      return;
    }
    if (isBodyParseError(error)) {
      res.status(400).json({
        error: {
          code: AgencyErrorCode.InvalidJson,
          message: 'The request body is not valid JSON: send a JSON object.',
          retryable: false,
        },
      });
      return;
    }
    logger.error({ err: error, path: req.originalUrl }, 'unexpected error in a stand-in agency');
    res.status(500).json({
      error: {
        code: AgencyErrorCode.Internal,
        message: 'The stand-in agency failed unexpectedly; see its logs.',
        retryable: true,
      },
    });
  };
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}
