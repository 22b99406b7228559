import type { Queryable } from '@balcao/platform';
import { createTokenAuthenticator } from './apiTokens';
import type { AccessTokens } from './oauth/accessTokens';
import type { Principal, Role } from './Principal';

/**
 * The authenticator the engine's Zeebe gateway plugs in (`(token) → { id } | undefined`):
 * API tokens of the given roles only, since a gateway token can deploy and complete anything.
 * Default: admins (connectors, operators) and analysts (deploying from Camunda Modeler).
 */
export function createGatewayAuthenticator(
  db: Queryable,
  options: { roles?: readonly Role[]; accessTokens?: AccessTokens } = {},
): (token: string) => Promise<(Principal & { id: string }) | undefined> {
  const roles = options.roles ?? ['admin', 'analyst'];
  const tokens = createTokenAuthenticator(db);
  return async (token) => {
    // OAuth access tokens (JWTs) are checked without the database; API tokens with it.
    const claims = options.accessTokens?.verify(token);
    if (claims) {
      return roles.includes(claims.role)
        ? {
            accountId: claims.sub,
            login: claims.login,
            displayName: claims.login,
            role: claims.role,
            agency: null,
            groups: [],
            personDocument: null,
            via: 'token',
            id: claims.sub,
          }
        : undefined;
    }
    const principal = await tokens(token);
    if (!principal || !roles.includes(principal.role)) return undefined;
    return { ...principal, id: principal.accountId };
  };
}
