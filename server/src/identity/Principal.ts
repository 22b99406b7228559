import { z } from 'zod';

export const Role = {
  Citizen: 'citizen',
  Clerk: 'clerk',
  Analyst: 'analyst',
  Supervisor: 'supervisor',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const roleSchema = z.enum(['citizen', 'clerk', 'analyst', 'supervisor', 'admin']);

/** Who is calling: the account behind a session cookie or an API token. */
export const principalSchema = z.object({
  accountId: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Agency code (e.g. DSI) for clerks, analysts and supervisors. */
  agency: z.string().nullable(),
  /** Candidate groups a clerk works for (e.g. dsi-crc-clerks). */
  groups: z.array(z.string()),
  /** Citizens: the identity document, e.g. `1234567(8)`. */
  personDocument: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type Principal = z.infer<typeof principalSchema>;

/** Maps an account row to a principal. */
export function principalFromRow(row: AccountRow, via: Principal['via']): Principal {
  return {
    accountId: row.id,
    login: row.login,
    displayName: row.display_name,
    role: roleSchema.parse(row.role),
    agency: row.agency,
    groups: z.array(z.string()).parse(row.groups),
    personDocument: row.person_document,
    via,
  };
}

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  role: string;
  agency: string | null;
  groups: unknown;
  person_document: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
}

export const accountColumns =
  'id, login, display_name, role, agency, groups, person_document, password_hash, totp_secret, totp_enabled, failed_logins, locked_until';
