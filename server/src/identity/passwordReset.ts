import { BalcaoError, type Queryable } from '@balcao/platform';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { findAccountByLogin } from './accounts';
import { hashPassword, newSecret, sha256 } from './secrets';
import { deleteSessionsOf } from './sessions';

const RESET_TTL_MS = 30 * 60_000;

/** Issues a single-use reset token (30 minutes); undefined for unknown logins. */
export async function requestPasswordReset(
  db: Queryable,
  login: string,
  now = new Date(),
): Promise<{ accountId: string; token: string } | undefined> {
  const account = await findAccountByLogin(db, login);
  if (!account) return undefined;
  const token = newSecret();
  await db.query(
    'insert into password_reset (token_hash, account_id, expires_at) values ($1, $2, $3)',
    [sha256(token), account.id, new Date(now.getTime() + RESET_TTL_MS)],
  );
  return { accountId: account.id, token };
}

/** Sets the new password, spends the token, unlocks the account and ends its sessions. */
export async function resetPassword(
  db: Queryable,
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<string> {
  const { rows } = await db.query<{ account_id: string }>(
    `update password_reset set used_at = $2
      where token_hash = $1 and used_at is null and expires_at > $2 returning account_id`,
    [sha256(token), now],
  );
  const accountId = rows[0]?.account_id;
  if (!accountId) {
    throw new BalcaoError(
      ApiErrorCode.ResetTokenInvalid,
      'This reset link is invalid, already used or expired. Ask for a new one.',
    );
  }
  await db.query(
    'update account set password_hash = $2, failed_logins = 0, locked_until = null where id = $1',
    [accountId, await hashPassword(newPassword)],
  );
  await deleteSessionsOf(db, accountId);
  return accountId;
}
