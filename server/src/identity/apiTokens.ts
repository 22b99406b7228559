import { randomUUID } from 'node:crypto';
import type { Queryable } from '@balcao/platform';
import { accountColumns, principalFromRow, type AccountRow, type Principal } from './Principal';
import { newSecret, sha256 } from './secrets';

/** The prefix makes leaked tokens easy to find with secret scanners. */
const TOKEN_PREFIX = 'blc_';

export async function createApiToken(
  db: Queryable,
  accountId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  await db.query(
    'insert into api_token (id, token_hash, account_id, name) values ($1, $2, $3, $4)',
    [id, sha256(token), accountId, name],
  );
  return { id, token };
}

export async function revokeApiToken(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'update api_token set revoked_at = now() where id = $1 and account_id = $2 and revoked_at is null',
    [id, accountId],
  );
  return rowCount > 0;
}

export async function listApiTokens(
  db: Queryable,
  accountId: string,
  window: { limit: number; offset: number },
) {
  const { rows } = await db.query<{
    id: string;
    name: string;
    created_at: Date;
    last_used_at: Date | null;
    total: number;
  }>(
    `select id, name, created_at, last_used_at, count(*) over ()::int as total from api_token
      where account_id = $1 and revoked_at is null order by created_at, id limit $2 offset $3`,
    [accountId, window.limit, window.offset],
  );
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

/**
 * `(token) → principal | undefined` for bearer tokens; the engine gateway and the live hub
 * use it as well as the HTTP API.
 */
export type TokenAuthenticator = (token: string) => Promise<Principal | undefined>;

export function createTokenAuthenticator(db: Queryable): TokenAuthenticator {
  return async (token) => {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const { rows } = await db.query<AccountRow>(
      `update api_token t set last_used_at = now() from account a
        where t.token_hash = $1 and t.revoked_at is null and a.id = t.account_id
        returning ${accountColumns
          .split(', ')
          .map((c) => `a.${c}`)
          .join(', ')}`,
      [sha256(token)],
    );
    const row = rows[0];
    return row ? principalFromRow(row, 'token') : undefined;
  };
}
