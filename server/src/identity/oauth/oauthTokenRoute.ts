import express, { Router, type Request, type Response } from 'express';
import type { Database, Logger } from '@balcao/platform';
import { RateLimiter } from '../../api/RateLimiter';
import { auditRefusal, auditRequest } from '../../audit/auditRequest';
import { createTokenAuthenticator } from '../apiTokens';
import type { AccessTokens } from './accessTokens';

const TTL_SECONDS = 3600;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for machine clients such as Zeebe workers:
 * client_id is the account's login, client_secret one of its API tokens. The answer is a
 * short-lived JWT, as the Camunda SDKs expect from an OAuth server. Every request is audited
 * under the client id tried (a token only once it is issued), never with the secret.
 */
export function oauthTokenRoute(db: Database, tokens: AccessTokens, log: Logger): Router {
  const router = Router();
  const apiTokens = createTokenAuthenticator(db);
  const limiter = new RateLimiter(30, 60_000);
  const refuse = async (
    req: Request,
    res: Response,
    answer: { status: number; error: string; description: string; target?: string },
  ) => {
    await auditRefusal(db, log, req, answer.error, { target: answer.target });
    res.status(answer.status).json({ error: answer.error, error_description: answer.description });
  };
  router.post(
    '/oauth/token',
    express.urlencoded({ extended: false, limit: '8kb' }),
    express.json({ limit: '8kb' }),
    async (req, res, next) => {
      try {
        res.setHeader('Cache-Control', 'no-store');
        if (limiter.hit(req.ip ?? '') !== undefined) {
          await refuse(req, res, {
            status: 429,
            error: 'slow_down',
            description: 'Too many token requests; wait a minute.',
          });
          return;
        }
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (body.grant_type !== 'client_credentials') {
          await refuse(req, res, {
            status: 400,
            error: 'unsupported_grant_type',
            description: 'Only grant_type=client_credentials is supported.',
          });
          return;
        }
        const login = typeof body.client_id === 'string' ? body.client_id : '';
        const secret = typeof body.client_secret === 'string' ? body.client_secret : '';
        const target = `client:${login.slice(0, 100)}`;
        const principal = secret ? await apiTokens(secret) : undefined;
        if (!principal || principal.login !== login) {
          await refuse(req, res, {
            status: 401,
            error: 'invalid_client',
            description:
              'Unknown client id or wrong client secret (use an API token of that account).',
            target,
          });
          return;
        }
        // Written before the token leaves: no token is issued without its row.
        await auditRequest(db, req, 'ok', { actor: principal.accountId, target });
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
