import express, { Router } from 'express';
import type { Database, Logger } from '@balcao/platform';
import { accountRoutes, type AccountRouteOptions } from '../identity/accountRoutes';
import { createTokenAuthenticator } from '../identity/apiTokens';
import { createRequestAuthenticator } from '../identity/authenticate';
import type { OidcOptionsInput } from '../identity/oidc/oidcOptions';
import { oidcRoutes } from '../identity/oidc/oidcRoutes';
import { sessionRoutes } from '../identity/sessionRoutes';
import { apiErrors } from './apiErrors';
import { buildOpenApi } from './buildOpenApi';
import type { ApiRoute } from './defineRoute';
import { createMetrics } from './metrics';
import { RateLimiter } from './RateLimiter';

export interface ApiRouterDeps {
  db: Database;
  log: Logger;
  /** Routes of other capabilities (catalogue, applications, inbox …), built with defineRoute. */
  routes?: readonly ApiRoute[];
  deliverPasswordReset?: AccountRouteOptions['deliverPasswordReset'];
  /** OIDC sign-in (e.g. Keycloak) besides passwords; off when absent. */
  oidc?: OidcOptionsInput | undefined;
  /** Requests per minute and address over all of /api on this node (default 600). */
  requestsPerMinute?: number;
  /** Largest JSON body accepted (413 above). */
  bodyLimit?: string;
}

/**
 * The HTTP API: identity routes plus the given ones, `/api/openapi.json` and `/metrics`.
 * Mount it at `/`. CORS stays off: the web apps are served from the same origin.
 */
export function createApiRouter(deps: ApiRouterDeps): Router {
  const router = Router();
  const metrics = createMetrics();
  const authenticate = createRequestAuthenticator(deps.db, createTokenAuthenticator(deps.db));
  const deliverPasswordReset =
    deps.deliverPasswordReset ??
    (async ({ login }: { login: string }) => {
      // No mail connector yet: the token is not logged either, an administrator resets instead.
      deps.log.warn({ login }, 'password reset requested but no delivery channel is configured');
    });
  const routes = [
    ...sessionRoutes(),
    ...accountRoutes({ deliverPasswordReset }),
    ...(deps.oidc ? oidcRoutes(deps.oidc) : []),
    ...(deps.routes ?? []),
  ];
  const openApi = buildOpenApi(routes, { version: '0.1.0' });

  router.use(metrics.middleware);
  router.get('/metrics', metrics.endpoint);
  const limiter = new RateLimiter(deps.requestsPerMinute ?? 600, 60_000);
  router.use('/api', (req, _res, next) => {
    const wait = limiter.hit(req.ip ?? '');
    next(wait === undefined ? undefined : apiErrors.rateLimited(wait));
  });
  router.use('/api', express.json({ limit: deps.bodyLimit ?? '1mb' }));
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  const routeDeps = { db: deps.db, log: deps.log, authenticate };
  for (const route of routes) router[route.method](route.path, route.handler(routeDeps));
  return router;
}
