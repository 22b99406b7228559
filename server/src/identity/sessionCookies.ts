import type { Request, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions';

/** Session cookie (httpOnly) and CSRF cookie (readable by the page), both SameSite=Lax. */
export function setSessionCookies(
  req: Request,
  res: Response,
  session: { sessionId: string; csrfToken: string; expiresAt: Date },
): void {
  const common = {
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    expires: session.expiresAt,
  } as const;
  res.cookie(SESSION_COOKIE, session.sessionId, { ...common, httpOnly: true });
  // The page's script echoes it in X-CSRF-Token (double submit).
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}
