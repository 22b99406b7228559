import type { Queryable } from '@balcao/platform';
import type { Principal } from '../identity/Principal';

/** Live updates of an application: its owner, staff of its agency, admins. */
export async function mayWatchApplication(
  db: Queryable,
  principal: Principal,
  number: string,
): Promise<boolean> {
  const { rows } = await db.query<{ owner_account_id: string; agency: string }>(
    'select owner_account_id, agency from application where number = $1',
    [number],
  );
  const app = rows[0];
  if (!app) return false;
  if (principal.role === 'admin') return true;
  if (principal.role === 'citizen') return app.owner_account_id === principal.accountId;
  return principal.agency === app.agency;
}
