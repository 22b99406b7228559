import type { Request } from 'express';
import type { Queryable } from '@balcao/platform';
import type { TokenAuthenticator } from './apiTokens';
import { bearerToken, readCookies } from './cookies';
import type { Principal } from './Principal';
import { findSession, SESSION_COOKIE } from './sessions';

export interface AuthContext {
  principal: Principal;
  /** Set for cookie sessions: state-changing requests must then carry the CSRF token. */
  session?: { hash: string; csrfHash: string };
}

/** Resolves the caller from a bearer token first, else from the session cookie. */
export function createRequestAuthenticator(db: Queryable, tokens: TokenAuthenticator) {
  return async (req: Request | { headers: Request['headers'] }) => {
    const token = bearerToken(req.headers);
    if (token) {
      const principal = await tokens(token);
      return principal ? ({ principal } satisfies AuthContext) : undefined;
    }
    const sessionId = readCookies(req.headers).get(SESSION_COOKIE);
    if (!sessionId) return undefined;
    const found = await findSession(db, sessionId);
    if (!found) return undefined;
    return {
      principal: found.principal,
      session: { hash: found.sessionHash, csrfHash: found.csrfHash },
    } satisfies AuthContext;
  };
}

export type RequestAuthenticator = ReturnType<typeof createRequestAuthenticator>;
