import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import helmet from 'helmet';
import { isBalcaoError, type Logger } from '@balcao/platform';
import { healthRoutes, type Readiness } from './healthRoutes';

/** The HTTP application: health, then (as later parts land) the API and the web apps. */
export function createApp(deps: {
  readiness: Readiness;
  log: Logger;
  /** Routers mounted by path (e.g. the engine's Camunda REST API under /v2). */
  routers?: { path: string; router: Router }[];
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(healthRoutes(deps.readiness));
  for (const { path, router } of deps.routers ?? []) app.use(path, router);
  app.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}.` } });
  });
  app.use(errorHandler(deps.log));
  return app;
}

function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isBalcaoError(error)) {
      res
        .status(error.retryable ? 503 : 400)
        .json({ error: { code: error.code, message: error.message } });
      return;
    }
    log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side. Try again; if it persists, contact support.',
      },
    });
  };
}
