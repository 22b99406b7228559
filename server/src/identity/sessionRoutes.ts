import type { Request } from 'express';
import { z } from 'zod';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { login } from './login';
import { meSchema, presentPrincipal } from './presentPrincipal';
import { setSessionCookies } from './sessionCookies';
import { CSRF_COOKIE, deleteSession, SESSION_COOKIE } from './sessions';

const loginBody = z.object({
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
  totpCode: z.string().max(10).optional(),
});

/** Sign-in, sign-out and who am I. */
export function sessionRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary:
        'Sign in with login and password (and TOTP code when enabled); sets the session cookie',
      tag: 'identity',
      auth: 'public',
      body: loginBody,
      response: z.object({ me: meSchema, csrfToken: z.string() }),
      // Per address and login: one office's shared address does not lock everyone out.
      rateLimit: { limit: 10, windowSeconds: 60, key: (req) => `${req.ip}|${loginOf(req)}` },
      transaction: false,
      async handle({ tx, body, req, res, auditTarget }) {
        // Failed attempts are audited under the login tried; success under the account id.
        auditTarget(`login:${body.login.toLowerCase()}`);
        const session = await login(tx, body);
        auditTarget(session.principal.accountId);
        setSessionCookies(req, res, session);
        return { me: presentPrincipal(session.principal), csrfToken: session.csrfToken };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: ends the session and clears its cookies',
      tag: 'identity',
      auth: 'required',
      async handle({ tx, auth, res }) {
        if (auth?.session) await deleteSession(tx, auth.session.hash);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        res.clearCookie(CSRF_COOKIE, { path: '/' });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in account: role, agency, groups',
      tag: 'identity',
      auth: 'required',
      response: meSchema,
      async handle({ principal }) {
        return presentPrincipal(principal);
      },
    }),
  ];
}

function loginOf(req: Request): string {
  const login = (req.body as { login?: unknown } | undefined)?.login;
  return typeof login === 'string' ? login.toLowerCase() : '';
}
