import { timingSafeEqual } from 'node:crypto';

/** Who a request acts for, as the identity behind a token tells it. */
export interface Principal {
  id: string;
}

/** Checks a bearer token; undefined means "not a valid token". The server's identity plugs in here. */
export type Authenticator = (token: string) => Promise<Principal | undefined>;

/** Tokens from configuration (`GATEWAY_TOKENS`), until the identity part provides OAuth. */
export function staticTokenAuthenticator(tokens: readonly string[]): Authenticator {
  const known = tokens.filter((t) => t.length > 0).map((t) => Buffer.from(t));
  return (token) => {
    const given = Buffer.from(token);
    // Compare in constant time so the answer time does not leak how much of a token matched.
    const index = known.findIndex((k) => k.length === given.length && timingSafeEqual(k, given));
    return Promise.resolve(index >= 0 ? { id: `static-token-${index + 1}` } : undefined);
  };
}

/** The token of an `authorization: Bearer <token>` header value, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
