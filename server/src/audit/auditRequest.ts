import type { Request } from 'express';
import { BalcaoError, type Database, type Logger } from '@balcao/platform';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { requestIdOf } from '../api/requestId';
import { appendAudit } from './appendAudit';

export interface RequestAudit {
  /** The account acting, once known (a machine client after its credentials check out). */
  actor?: string | undefined;
  target?: string | undefined;
  /** Why it was refused: a stable error code, never the credentials or the body. */
  code?: string;
  details?: Record<string, unknown>;
}

/**
 * The audit row of a request served by a plain Express route (a webhook, the OAuth token
 * endpoint) rather than defineRoute: the same fields, in a transaction of its own. Throws when
 * the row cannot be written, so an unaudited change is not answered as a success.
 */
export async function auditRequest(
  db: Database,
  req: Request,
  outcome: 'ok' | 'refused',
  audit: RequestAudit = {},
): Promise<void> {
  const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor: audit.actor,
      action: `${req.method} ${req.baseUrl}${route}`,
      target: audit.target,
      sourceIp: req.ip,
      requestId: requestIdOf(req),
      details: { outcome, ...(audit.code ? { code: audit.code } : {}), ...audit.details },
    }),
  );
}

/**
 * The row of a refused request, coded from the error. A failure to write it is logged, not
 * thrown: the caller answers with the refusal either way.
 */
export async function auditRefusal(
  db: Database,
  log: Logger,
  req: Request,
  refusal: unknown,
  audit: RequestAudit = {},
): Promise<void> {
  const code =
    typeof refusal === 'string'
      ? refusal
      : refusal instanceof BalcaoError
        ? refusal.code
        : ApiErrorCode.Internal;
  await auditRequest(db, req, 'refused', { ...audit, code }).catch((error: unknown) =>
    log.error({ err: error }, 'could not write the audit row of a refusal'),
  );
}
