import { randomUUID } from 'node:crypto';
import type { Queryable } from '@balcao/platform';
import type { NewAccount } from '../accounts';
import { accountColumns, type AccountRow } from '../Principal';

/**
 * Creates or refreshes an account whose identity lives at the OIDC provider: role, agency
 * and groups follow the provider at every sign-in. No password can sign in to it.
 */
export async function upsertExternalAccount(
  db: Queryable,
  account: Omit<NewAccount, 'password'>,
): Promise<AccountRow> {
  const { rows } = await db.query<AccountRow>(
    `insert into account (id, login, display_name, role, agency, groups, person_document, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7, '!external')
     on conflict (login) do update set display_name = excluded.display_name, role = excluded.role,
       agency = excluded.agency, groups = excluded.groups, person_document = excluded.person_document
     returning ${accountColumns}`,
    [
      randomUUID(),
      account.login,
      account.displayName,
      account.role,
      account.agency ?? null,
      JSON.stringify(account.groups ?? []),
      account.personDocument ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('upsert returned no row');
  return row;
}
