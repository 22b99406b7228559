import type { NewAccount } from '../accounts';
import type { Role } from '../Principal';
import type { IdTokenClaims } from './verifyIdToken';
import type { OidcOptions } from './oidcOptions';

// The strongest role named in the claim wins; no known role means a citizen.
const rolesByStrength: readonly Role[] = ['admin', 'supervisor', 'analyst', 'clerk', 'citizen'];

/**
 * The account an OIDC identity signs in as. The login is `oidc:<sub>`, never the provider's
 * user name, so an identity named "admin" at the provider cannot take over a local account.
 */
export function mapOidcClaims(
  claims: IdTokenClaims,
  options: OidcOptions,
): Omit<NewAccount, 'password'> {
  const roles = strings(claimAt(claims, options.roleClaim));
  const role = rolesByStrength.find((r) => roles.includes(r)) ?? 'citizen';
  const agency = claimAt(claims, options.agencyClaim);
  const personDocument = claimAt(claims, options.personDocumentClaim);
  const name = claims.name ?? claims.preferred_username ?? claims.sub;
  return {
    login: `oidc:${claims.sub}`,
    displayName: typeof name === 'string' ? name : claims.sub,
    role,
    ...(typeof agency === 'string' ? { agency } : {}),
    // Keycloak sends group paths ("/dsi-crc-clerks"): keep the last segment.
    groups: strings(claimAt(claims, options.groupsClaim)).map((g) => g.split('/').pop() ?? g),
    ...(typeof personDocument === 'string' ? { personDocument } : {}),
  };
}

function claimAt(claims: IdTokenClaims, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      claims,
    );
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
