import { z } from 'zod';
import { fetchOrFail, readBody, statusError } from '../runtime/agencyRequest';
import { connectorError } from '../runtime/ConnectorError';
import type { ConnectorContext } from '../runtime/defineConnector';

export const httpAuthenticationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('basic'),
    username: z.string().min(1, 'username is required for basic authentication'),
    password: z.string(),
  }),
  z.object({ type: z.literal('bearer'), token: z.string().min(1, 'token is required') }),
  z.object({
    type: z.literal('oauth-client-credentials'),
    tokenUrl: z.string().url('tokenUrl must be the OAuth token endpoint URL'),
    clientId: z.string().min(1, 'clientId is required'),
    clientSecret: z.string().min(1, 'clientSecret is required'),
    scope: z.string().optional(),
    audience: z.string().optional(),
  }),
]);

export type HttpAuthentication = z.infer<typeof httpAuthenticationSchema>;

/** The `Authorization` header for the chosen scheme (OAuth tokens are cached until they expire). */
export async function authorizationHeader(
  auth: HttpAuthentication,
  ctx: Pick<ConnectorContext, 'signal'>,
): Promise<string | undefined> {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'basic':
      return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${auth.token}`;
    case 'oauth-client-credentials':
      return `Bearer ${await clientCredentialsToken(auth, ctx.signal)}`;
  }
}

type ClientCredentials = Extract<HttpAuthentication, { type: 'oauth-client-credentials' }>;

// Tokens are reused until shortly before they expire, so a busy task does not hit the token
// endpoint on every job. Keyed by everything that makes a token differ, including the secret.
const tokenCache = new Map<string, { token: string; expiresAt: number }>();
const expiryMarginMs = 30_000;

async function clientCredentialsToken(
  auth: ClientCredentials,
  signal: AbortSignal,
): Promise<string> {
  const key = JSON.stringify([
    auth.tokenUrl,
    auth.clientId,
    auth.clientSecret,
    auth.scope,
    auth.audience,
  ]);
  const cached = tokenCache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const { token, expiresInS } = await requestToken(auth, signal);
  if (expiresInS !== undefined) {
    tokenCache.set(key, { token, expiresAt: Date.now() + expiresInS * 1000 - expiryMarginMs });
  }
  return token;
}

async function requestToken(
  auth: ClientCredentials,
  signal: AbortSignal,
): Promise<{ token: string; expiresInS: number | undefined }> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: auth.clientId,
    client_secret: auth.clientSecret,
  });
  if (auth.scope) form.set('scope', auth.scope);
  if (auth.audience) form.set('audience', auth.audience);
  const url = new URL(auth.tokenUrl);
  const response = await fetchOrFail(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form,
    signal,
  });
  const body = await readBody(response);
  if (!response.ok)
    throw statusError(`the OAuth token endpoint ${url.host}`, response.status, body);
  const { access_token: token, expires_in: expiresIn } =
    (body as { access_token?: unknown; expires_in?: unknown } | null) ?? {};
  if (typeof token !== 'string') {
    throw connectorError(
      'Rejected',
      `The OAuth token endpoint ${url.host} gave no access_token; check tokenUrl.`,
    );
  }
  return { token, expiresInS: typeof expiresIn === 'number' ? expiresIn : undefined };
}
