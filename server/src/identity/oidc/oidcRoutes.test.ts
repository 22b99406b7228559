import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/apiHarness';

/** A stand-in OIDC provider: discovery, token endpoint with PKCE, JWKS. */
async function startFakeProvider() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map<string, { nonce: string; challenge: string; claims: object }>();
  let signingKey: KeyObject = privateKey;
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  let issuer = '';
  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
    });
  });
  app.get('/jwks', (_req, res) => {
    res.json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' }] });
  });
  app.post('/token', (req, res) => {
    const body = req.body as Record<string, string>;
    const grant = codes.get(body.code ?? '');
    const challenge = createHash('sha256')
      .update(body.code_verifier ?? '')
      .digest('base64url');
    if (!grant || grant.challenge !== challenge || body.client_secret !== 'secret') {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: issuer,
      aud: 'balcao',
      exp: now + 300,
      iat: now,
      nonce: grant.nonce,
      ...grant.claims,
    };
    const head = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url');
    const data = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = sign('RSA-SHA256', Buffer.from(data), signingKey).toString('base64url');
    res.json({ id_token: `${data}.${signature}`, access_token: 'x', token_type: 'Bearer' });
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    codes,
    useForeignKey() {
      signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('OIDC sign-in', () => {
  let provider: Awaited<ReturnType<typeof startFakeProvider>>;
  let api: TestApi;
  beforeAll(async () => {
    provider = await startFakeProvider();
    api = await startTestApi({
      oidc: {
        issuer: provider.issuer,
        clientId: 'balcao',
        clientSecret: 'secret',
        redirectUri: 'http://127.0.0.1/api/auth/oidc/callback',
        roleClaim: 'realm_access.roles',
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await provider.close();
  });

  /** Starts a sign-in and lets the provider accept `code` for these claims. */
  const begin = async (code: string, claims: object) => {
    const start = await fetch(`${api.url}/api/auth/oidc/start`, { redirect: 'manual' });
    const location = new URL(start.headers.get('location') ?? '');
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const params = location.searchParams;
    provider.codes.set(code, {
      nonce: params.get('nonce') ?? '',
      challenge: params.get('code_challenge') ?? '',
      claims,
    });
    return { location, cookie, state: params.get('state') ?? '' };
  };
  const keycloakClerk = {
    sub: 'kc-123',
    name: 'Keycloak Clerk',
    realm_access: { roles: ['offline_access', 'clerk'] },
    groups: ['/dsi-crc-clerks'],
    agency: 'DSI',
  };

  it('should redirect to the provider and sign in with the role, agency and groups of the claims', async () => {
    // given
    const flow = await begin('code-1', keycloakClerk);

    // when
    const callback = await fetch(
      `${api.url}/api/auth/oidc/callback?code=code-1&state=${flow.state}`,
      { redirect: 'manual', headers: { cookie: flow.cookie } },
    );
    const session = callback.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .filter((c) => c?.startsWith('balcao_session='))
      .join('; ');
    const me = await fetch(`${api.url}/api/me`, { headers: { cookie: session } });

    // then
    expect(flow.location.pathname).toBe('/auth');
    expect(flow.location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    expect(await me.json()).toMatchObject({
      login: 'oidc:kc-123',
      role: 'clerk',
      agency: 'DSI',
      groups: ['dsi-crc-clerks'],
    });
  });

  it('should refuse a callback whose state does not match, and a token signed by another key', async () => {
    // given
    const flow = await begin('code-2', keycloakClerk);
    const wrongState = await fetch(`${api.url}/api/auth/oidc/callback?code=code-2&state=forged`, {
      redirect: 'manual',
      headers: { cookie: flow.cookie },
    });
    const second = await begin('code-3', { ...keycloakClerk, sub: 'kc-evil' });
    provider.useForeignKey();

    // when
    const forged = await fetch(
      `${api.url}/api/auth/oidc/callback?code=code-3&state=${second.state}`,
      {
        redirect: 'manual',
        headers: { cookie: second.cookie },
      },
    );

    // then
    expect(wrongState.status).toBe(401);
    expect(await wrongState.json()).toMatchObject({ error: { code: 'OIDC_FAILED' } });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toContain(
      'bad signature',
    );
    const { rows } = await api.db.query("select 1 from account where login = 'oidc:kc-evil'");
    expect(rows).toHaveLength(0);
  });
});
