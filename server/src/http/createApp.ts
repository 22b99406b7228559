import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from '@balcao/platform';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { requestId, requestIdOf } from '../api/requestId';
import { toHttpError } from '../api/toHttpError';
import { healthRoutes, type Readiness } from './healthRoutes';

/** The HTTP application: health, then (as later parts land) the API and the web apps. */
export function createApp(deps: {
  readiness: Readiness;
  log: Logger;
  /** Routers mounted by path (e.g. the engine's Camunda REST API under /v2). */
  routers?: { path: string; router: Router }[];
  /** Express `trust proxy`, so `req.ip` and `req.secure` are right behind a proxy. */
  trustProxy?: boolean | number | string;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(requestId());
  app.use(helmet());
  app.use(healthRoutes(deps.readiness));
  for (const { path, router } of deps.routers ?? []) app.use(path, router);
  app.use((req, res) => {
    res.status(404).json({
      error: { code: ApiErrorCode.NotFound, message: `No route for ${req.method} ${req.path}.` },
    });
  });
  app.use(errorHandler(deps.log));
  return app;
}

/** The one place where errors become HTTP answers; the cause goes to the log only. */
function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const mapped = toHttpError(error);
    const id = requestIdOf(req);
    if (mapped.unexpected) {
      log.error(
        { err: error, method: req.method, path: req.path, requestId: id },
        'request failed',
      );
    }
    if (mapped.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(mapped.retryAfterSeconds));
    }
    res.status(mapped.status).json({ error: { ...mapped.body.error, requestId: id } });
  };
}
