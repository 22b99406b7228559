import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { apiErrors } from '../api/apiErrors';
import type { AuthContext } from './authenticate';
import { readCookies } from './cookies';
import { sha256 } from './secrets';
import { CSRF_COOKIE, CSRF_HEADER } from './sessions';

/**
 * Double-submit check for cookie sessions: the X-CSRF-Token header must equal the CSRF
 * cookie (which another site cannot read) and the token issued with this session.
 * Bearer-token callers are not exposed to CSRF and skip it.
 */
export function checkCsrf(req: Request, auth: AuthContext): void {
  if (!auth.session) return;
  const header = req.get(CSRF_HEADER);
  const cookie = readCookies(req.headers).get(CSRF_COOKIE);
  if (
    !header ||
    !cookie ||
    !equal(header, cookie) ||
    !equal(sha256(header), auth.session.csrfHash)
  ) {
    throw apiErrors.csrf();
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
