import express, { Router } from 'express';
import type { Queryable } from '@balcao/platform';
import { RateLimiter } from '../../api/RateLimiter';
import { createTokenAuthenticator } from '../apiTokens';
import type { AccessTokens } from './accessTokens';

const TTL_SECONDS = 3600;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for machine clients such as Zeebe workers:
 * client_id is the account's login, client_secret one of its API tokens. The answer is a
 * short-lived JWT, as the Camunda SDKs expect from an OAuth server.
 */
export function oauthTokenRoute(db: Queryable, tokens: AccessTokens): Router {
  const router = Router();
  const apiTokens = createTokenAuthenticator(db);
  const limiter = new RateLimiter(30, 60_000);
  router.post(
    '/oauth/token',
    express.urlencoded({ extended: false, limit: '8kb' }),
    express.json({ limit: '8kb' }),
    async (req, res, next) => {
      try {
        res.setHeader('Cache-Control', 'no-store');
        if (limiter.hit(req.ip ?? '') !== undefined) {
          res.status(429).json({
            error: 'slow_down',
            error_description: 'Too many token requests; wait a minute.',
          });
          return;
        }
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (body.grant_type !== 'client_credentials') {
          res.status(400).json({
            error: 'unsupported_grant_type',
            error_description: 'Only grant_type=client_credentials is supported.',
          });
          return;
        }
        const login = typeof body.client_id === 'string' ? body.client_id : '';
        const secret = typeof body.client_secret === 'string' ? body.client_secret : '';
        const principal = secret ? await apiTokens(secret) : undefined;
        if (!principal || principal.login !== login) {
          res.status(401).json({
            error: 'invalid_client',
            error_description:
              'Unknown client id or wrong client secret (use an API token of that account).',
          });
          return;
        }
        res.json({
          access_token: tokens.issue(principal, TTL_SECONDS),
          token_type: 'Bearer',
          expires_in: TTL_SECONDS,
        });
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
