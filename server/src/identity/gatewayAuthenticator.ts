import type { Queryable } from '@balcao/platform';
import { createTokenAuthenticator } from './apiTokens';
import type { Principal, Role } from './Principal';

/**
 * The authenticator the engine's Zeebe gateway plugs in (`(token) → { id } | undefined`):
 * API tokens of the given roles only, since a gateway token can deploy and complete anything.
 * Default: admins (connectors, operators) and analysts (deploying from Camunda Modeler).
 */
export function createGatewayAuthenticator(
  db: Queryable,
  options: { roles?: readonly Role[] } = {},
): (token: string) => Promise<(Principal & { id: string }) | undefined> {
  const roles = options.roles ?? ['admin', 'analyst'];
  const tokens = createTokenAuthenticator(db);
  return async (token) => {
    const principal = await tokens(token);
    if (!principal || !roles.includes(principal.role)) return undefined;
    return { ...principal, id: principal.accountId };
  };
}
