import { z } from 'zod';
import { roleSchema, type Principal } from './Principal';

export const meSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: roleSchema,
  agency: z.string().nullable(),
  groups: z.array(z.string()),
  personDocument: z.string().nullable(),
});

export function presentPrincipal(p: Principal): z.infer<typeof meSchema> {
  return {
    id: p.accountId,
    login: p.login,
    displayName: p.displayName,
    role: p.role,
    agency: p.agency,
    groups: p.groups,
    personDocument: p.personDocument,
  };
}
