import { z } from 'zod';

/** OIDC login (e.g. Keycloak) by configuration; claims map to role, agency and groups. */
export const oidcOptionsSchema = z.object({
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** This server's callback, e.g. https://balcao.example/api/auth/oidc/callback. */
  redirectUri: z.url(),
  scopes: z.string().default('openid profile email'),
  /** Dot paths into the ID token; Keycloak realm roles are `realm_access.roles`. */
  roleClaim: z.string().default('roles'),
  groupsClaim: z.string().default('groups'),
  agencyClaim: z.string().default('agency'),
  personDocumentClaim: z.string().default('person_document'),
  /** Where the browser goes after signing in. */
  afterLoginPath: z.string().startsWith('/').default('/'),
});
export type OidcOptions = z.infer<typeof oidcOptionsSchema>;
export type OidcOptionsInput = z.input<typeof oidcOptionsSchema>;
