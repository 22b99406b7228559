import type { ErrorRequestHandler, Response } from 'express';
import { isBalcaoError, type Logger } from '@balcao/platform';
import { z } from 'zod';
import { EngineRejection, RejectionType } from '../../runtime/commands/EngineRejection';
import { SearchErrorCode } from '../../queries/searchQuery';
import { GatewayErrorCode } from '../GatewayError';

const byRejection: Record<RejectionType, number> = {
  [RejectionType.NotFound]: 404,
  [RejectionType.InvalidArgument]: 400,
  [RejectionType.InvalidState]: 409,
  [RejectionType.AlreadyExists]: 409,
  [RejectionType.Exhausted]: 429,
};

const titles: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'SERVICE_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** An RFC 9457 problem detail, as Camunda's v2 API answers errors. */
export function sendProblem(res: Response, status: number, detail: string, instance: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title: titles[status] ?? 'ERROR', status, detail, instance });
}

/** The /v2 error mapper: rejections, invalid requests and failures as problem details. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const instance = req.originalUrl;
    if (error instanceof EngineRejection)
      return sendProblem(res, byRejection[error.rejectionType], error.message, instance);
    if (error instanceof z.ZodError)
      return sendProblem(res, 400, describeZodError(error), instance);
    if (bodyParserType(error) === 'entity.too.large')
      return sendProblem(
        res,
        413,
        'Expected a request body of at most 4 MB (the /v2 body limit), but it was larger; send fewer or smaller variables.',
        instance,
      );
    if (bodyParserType(error) === 'entity.parse.failed')
      return sendProblem(
        res,
        400,
        'Expected a JSON request body, but it could not be parsed.',
        instance,
      );
    if (isBalcaoError(error)) {
      if (
        error.code === SearchErrorCode.InvalidSearch ||
        error.code === GatewayErrorCode.InvalidArgument
      )
        return sendProblem(res, 400, error.message, instance);
      if (error.code === GatewayErrorCode.Unauthenticated)
        return sendProblem(res, 401, error.message, instance);
      if (error.code === GatewayErrorCode.Unimplemented)
        return sendProblem(res, 501, error.message, instance);
      if (error.code === 'ENGINE_RESULT_TIMEOUT')
        return sendProblem(res, 504, error.message, instance);
      if (error.retryable) return sendProblem(res, 503, error.message, instance);
      return sendProblem(res, 400, error.message, instance);
    }
    log.error({ err: error, method: req.method, path: req.path }, 'v2 request failed');
    sendProblem(
      res,
      500,
      'Unexpected error in the Balcão engine API; see the server log.',
      instance,
    );
  };
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        return `The field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${path ? `${path}.` : ''}${k}'`).join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not supported.`;
      return `'${path || 'body'}': ${issue.message}.`;
    })
    .join(' ');
}

// express.json() marks its errors with a `type`.
function bodyParserType(error: unknown): string | undefined {
  return error instanceof Error ? (error as { type?: string }).type : undefined;
}
