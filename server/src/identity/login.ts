import { BalcaoError, type Queryable } from '@balcao/platform';
import { ApiErrorCode } from '../api/ApiErrorCode';
import { findAccountByLogin } from './accounts';
import { principalFromRow, type Principal } from './Principal';
import { hashPassword, verifyPassword } from './secrets';
import { createSession } from './sessions';
import { verifyTotp } from './totp';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a real hash when the login is unknown keeps the timing the same.
let dummyHash: Promise<string> | undefined;

/**
 * Checks the password (and TOTP code when enabled), counts failures in the database and locks
 * the account for 15 minutes after 5 in a row, so the lock holds across nodes.
 */
export async function login(
  db: Queryable,
  input: { login: string; password: string; totpCode?: string | undefined },
  now = new Date(),
): Promise<{ principal: Principal; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const account = await findAccountByLogin(db, input.login);
  if (!account) {
    dummyHash ??= hashPassword('not-a-password');
    await verifyPassword(await dummyHash, input.password);
    throw invalidCredentials();
  }
  const lockedUntil = account.locked_until ? new Date(account.locked_until) : undefined;
  if (lockedUntil && lockedUntil > now) throw locked(lockedUntil, now);

  const passwordOk = await verifyPassword(account.password_hash, input.password);
  if (passwordOk && account.totp_enabled && !input.totpCode) {
    throw new BalcaoError(
      ApiErrorCode.TotpRequired,
      'Enter the 6-digit code from your authenticator app.',
    );
  }
  const totpOk =
    !account.totp_enabled ||
    (account.totp_secret !== null &&
      verifyTotp(account.totp_secret, input.totpCode ?? '', now.getTime()));
  if (!passwordOk || !totpOk) {
    const failures = account.failed_logins + 1;
    if (failures >= MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await db.query('update account set failed_logins = 0, locked_until = $2 where id = $1', [
        account.id,
        until,
      ]);
      throw locked(until, now);
    }
    await db.query('update account set failed_logins = $2 where id = $1', [account.id, failures]);
    if (!passwordOk) throw invalidCredentials();
    throw new BalcaoError(
      ApiErrorCode.TotpInvalid,
      'The code is wrong or has expired. Enter the current code from your authenticator app.',
    );
  }
  await db.query('update account set failed_logins = 0, locked_until = null where id = $1', [
    account.id,
  ]);
  const session = await createSession(db, account.id, now);
  return { principal: principalFromRow(account, 'session'), ...session };
}

function invalidCredentials(): BalcaoError {
  return new BalcaoError(
    ApiErrorCode.InvalidCredentials,
    'The login or password is wrong. Check both and try again.',
  );
}

function locked(until: Date, now: Date): BalcaoError {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  const macaoTime = new Date(until.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return new BalcaoError(
    ApiErrorCode.AccountLocked,
    `Too many failed sign-ins: this account is locked. Try again after ${macaoTime} (Macao time), in about ${Math.ceil(seconds / 60)} minute(s), or reset your password.`,
    { retryable: true, details: { retryAfterSeconds: seconds } },
  );
}
