import { isIP } from 'node:net';
import { BalcaoError } from '@balcao/platform';
import type { Authenticator } from './Authenticator';
import { GatewayErrorCode } from '../GatewayError';

/**
 * Whether requests must carry a token. Decided by where we listen, never by who connects: behind
 * a reverse proxy every request comes from 127.0.0.1. Only a loopback bind outside production
 * runs open, as a local Camunda distribution does.
 */
export function authRequired(bind: { host: string; nodeEnv: string }): boolean {
  return bind.nodeEnv === 'production' || !isLoopbackHost(bind.host);
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

/**
 * The authenticator to use for a bind, or undefined when the bind may run open. Refuses to
 * start an unauthenticated listener on a non-loopback address or in production.
 */
export function authenticatorFor(
  bind: { host: string; nodeEnv: string; what: string; variable: string },
  authenticator: Authenticator | undefined,
): Authenticator | undefined {
  if (!authRequired(bind)) return authenticator;
  if (!authenticator) {
    throw new BalcaoError(
      GatewayErrorCode.AuthRequired,
      `Refusing to start the ${bind.what} on '${bind.host}' without authentication: a non-loopback address (${bind.variable}) or NODE_ENV=production requires tokens. Set GATEWAY_TOKENS (comma-separated) or bind to 127.0.0.1.`,
    );
  }
  return authenticator;
}
