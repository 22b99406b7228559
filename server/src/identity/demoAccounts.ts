import type { Queryable } from '@balcao/platform';
import { createAccount, type NewAccount } from './accounts';

/**
 * Demo accounts for a local start. The passwords are public (see server/README.md): never
 * seed them on an installation reachable by others.
 */
export const demoAccounts: readonly NewAccount[] = [
  {
    login: 'citizen',
    displayName: '陳大文 CHAN TAI MAN',
    role: 'citizen',
    personDocument: '1234567(8)',
    password: 'demo-citizen',
  },
  // Two single people (agencies demo persons P0008 and P0006): one applies to marry, the
  // other co-signs in the portal.
  {
    login: 'ho-wai',
    displayName: '何偉 HO WAI',
    role: 'citizen',
    personDocument: '7000000(1)',
    password: 'demo-citizen',
  },
  {
    login: 'chan-ka-ian',
    displayName: '陳嘉欣 CHAN KA IAN',
    role: 'citizen',
    personDocument: '1357246(8)',
    password: 'demo-citizen',
  },
  clerk('dsi-clerk', 'DSI', ['dsi-crc-clerks']),
  clerk('dsf-clerk', 'DSF', ['dsf-clerks', 'dsf-clearance-clerks']),
  clerk('dsaj-clerk', 'DSAJ', [
    'dsaj-registry-clerks',
    'dsaj-marriage-clerks',
    'dsaj-registrars',
    'dsaj-birth-registrars',
    'dsaj-death-registrars',
  ]),
  clerk('safp-clerk', 'SAFP', [
    'safp-translators',
    'safp-recruitment-clerks',
    'consultation-moderators',
  ]),
  // A hospital system (Conde S. Januário, SSM): sign in once to create its API token
  // (POST /api/me/tokens), then notify births and deaths with it.
  {
    login: 'ssm-hospital',
    displayName: 'Hospital Conde S. Januário (SSM) notifications',
    role: 'clerk',
    agency: 'SSM',
    groups: ['hospital-notifiers'],
    password: 'demo-hospital',
  },
  {
    login: 'analyst',
    displayName: 'DSI analyst',
    role: 'analyst',
    agency: 'DSI',
    password: 'demo-analyst',
  },
  {
    login: 'supervisor',
    displayName: 'DSI supervisor',
    role: 'supervisor',
    agency: 'DSI',
    password: 'demo-supervisor',
  },
  { login: 'admin', displayName: 'Administrator', role: 'admin', password: 'demo-admin' },
];

/** Creates the demo accounts that do not exist yet; safe to run at every start. */
export async function seedDemoAccounts(db: Queryable): Promise<void> {
  for (const account of demoAccounts) await createAccount(db, account);
}

/** Lines to print at start-up: who can sign in, with which password. */
export function demoAccountLines(): string[] {
  const width = Math.max(...demoAccounts.map((a) => a.login.length));
  return demoAccounts.map(
    (a) =>
      `${a.login.padEnd(width)} / ${a.password.padEnd(16)} ${a.role}${a.agency ? ` ${a.agency}` : ''}${
        a.groups?.length ? ` [${a.groups.join(', ')}]` : ''
      }`,
  );
}

function clerk(login: string, agency: string, groups: string[]): NewAccount {
  return {
    login,
    displayName: `${agency} clerk (${groups[0] ?? ''})`,
    role: 'clerk',
    agency,
    groups,
    password: 'demo-clerk',
  };
}
