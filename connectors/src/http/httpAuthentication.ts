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

/** The `Authorization` header for the chosen scheme (an OAuth token is fetched per call). */
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

async function clientCredentialsToken(
  auth: Extract<HttpAuthentication, { type: 'oauth-client-credentials' }>,
  signal: AbortSignal,
): Promise<string> {
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
  const token = (body as { access_token?: unknown } | null)?.access_token;
  if (typeof token !== 'string') {
    throw connectorError(
      'Rejected',
      `The OAuth token endpoint ${url.host} gave no access_token; check tokenUrl.`,
    );
  }
  return token;
}
