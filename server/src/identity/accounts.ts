import { randomUUID } from 'node:crypto';
import type { Queryable } from '@balcao/platform';
import { accountColumns, type AccountRow, type Role } from './Principal';
import { hashPassword } from './secrets';

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  agency?: string;
  groups?: string[];
  personDocument?: string;
  password: string;
}

/** Creates an account, or does nothing when the login exists (seeding is idempotent). */
export async function createAccount(db: Queryable, account: NewAccount): Promise<string> {
  const id = randomUUID();
  const { rows } = await db.query<{ id: string }>(
    `insert into account (id, login, display_name, role, agency, groups, person_document, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (login) do update set login = excluded.login returning id`,
    [
      id,
      account.login.toLowerCase(),
      account.displayName,
      account.role,
      account.agency ?? null,
      JSON.stringify(account.groups ?? []),
      account.personDocument ?? null,
      await hashPassword(account.password),
    ],
  );
  return rows[0]?.id ?? id;
}

export async function findAccountByLogin(
  db: Queryable,
  login: string,
): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>(
    `select ${accountColumns} from account where login = $1`,
    [login.toLowerCase()],
  );
  return rows[0];
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>(
    `select ${accountColumns} from account where id = $1`,
    [id],
  );
  return rows[0];
}
