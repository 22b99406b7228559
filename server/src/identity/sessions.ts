import type { Queryable } from '@balcao/platform';
import { accountColumns, principalFromRow, type AccountRow, type Principal } from './Principal';
import { newSecret, sha256 } from './secrets';

export const SESSION_COOKIE = 'balcao_session';
export const CSRF_COOKIE = 'balcao_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Opens a session; the caller sets both values as cookies. Only hashes are stored. */
export async function createSession(
  db: Queryable,
  accountId: string,
  now = new Date(),
): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.query(
    'insert into account_session (id_hash, account_id, csrf_hash, expires_at) values ($1, $2, $3, $4)',
    [sha256(sessionId), accountId, sha256(csrfToken), expiresAt],
  );
  return { sessionId, csrfToken, expiresAt };
}

export interface SessionLookup {
  principal: Principal;
  csrfHash: string;
  sessionHash: string;
}

export async function findSession(
  db: Queryable,
  sessionId: string,
  now = new Date(),
): Promise<SessionLookup | undefined> {
  const sessionHash = sha256(sessionId);
  const { rows } = await db.query<AccountRow & { csrf_hash: string }>(
    `select ${prefixed('a')}, s.csrf_hash from account_session s join account a on a.id = s.account_id
      where s.id_hash = $1 and s.expires_at > $2`,
    [sessionHash, now],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { principal: principalFromRow(row, 'session'), csrfHash: row.csrf_hash, sessionHash };
}

export async function deleteSession(db: Queryable, sessionHash: string): Promise<void> {
  await db.query('delete from account_session where id_hash = $1', [sessionHash]);
}

export async function deleteSessionsOf(db: Queryable, accountId: string): Promise<void> {
  await db.query('delete from account_session where account_id = $1', [accountId]);
}

function prefixed(alias: string): string {
  return accountColumns
    .split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
}
