import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, signIn, startTestApi, type TestApi } from '../../test/apiHarness';
import { createTokenAuthenticator } from './apiTokens';
import { seedDemoAccounts } from './demoAccounts';
import { totpCode } from './totp';

describe('two-factor, password reset and API tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('should require the TOTP code at sign-in once two-factor is on', async () => {
    // given
    const supervisor = await signIn(api, 'supervisor', 'demo-supervisor');
    const enrol = (await (await supervisor.call('/api/me/totp', { method: 'POST' })).json()) as {
      secret: string;
      uri: string;
    };
    const confirm = await supervisor.call('/api/me/totp/confirm', {
      method: 'POST',
      body: { code: totpCode(enrol.secret, Date.now()) },
    });

    // when
    const withoutCode = await postJson(`${api.url}/api/auth/login`, {
      login: 'supervisor',
      password: 'demo-supervisor',
    });
    const wrongCode = await postJson(`${api.url}/api/auth/login`, {
      login: 'supervisor',
      password: 'demo-supervisor',
      totpCode: '000000',
    });
    const withCode = await signIn(
      api,
      'supervisor',
      'demo-supervisor',
      totpCode(enrol.secret, Date.now()),
    );

    // then
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(confirm.status).toBe(204);
    expect(await withoutCode.json()).toMatchObject({ error: { code: 'TOTP_REQUIRED' } });
    expect(wrongCode.status).toBe(401);
    expect((await withCode.call('/api/me')).status).toBe(200);
  });

  it('should reset a password with a single-use token and answer the same for unknown logins', async () => {
    // given
    const unknown = await postJson(`${api.url}/api/auth/password-reset`, { login: 'nobody' });
    const known = await postJson(`${api.url}/api/auth/password-reset`, { login: 'dsaj-clerk' });
    const token = api.resetTokens.find((t) => t.login === 'dsaj-clerk')?.token ?? '';

    // when
    const first = await postJson(`${api.url}/api/auth/password-reset/confirm`, {
      token,
      newPassword: 'a-new-long-password',
    });
    const second = await postJson(`${api.url}/api/auth/password-reset/confirm`, {
      token,
      newPassword: 'another-long-password',
    });

    // then
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    expect(first.status).toBe(204);
    expect(second.status).toBe(422);
    expect(await second.json()).toMatchObject({ error: { code: 'RESET_TOKEN_INVALID' } });
    await expect(signIn(api, 'dsaj-clerk', 'a-new-long-password')).resolves.toBeDefined();
  });

  it('should authenticate a bearer API token without CSRF until it is revoked', async () => {
    // given
    const analyst = await signIn(api, 'analyst', 'demo-analyst');
    const created = (await (
      await analyst.call('/api/me/tokens', { method: 'POST', body: { name: 'ci' } })
    ).json()) as { id: string; token: string };
    const bearer = { authorization: `Bearer ${created.token}` };

    // when
    const me = await fetch(`${api.url}/api/me`, { headers: bearer });
    const principal = await createTokenAuthenticator(api.db)(created.token);
    const revoke = await fetch(`${api.url}/api/me/tokens/${created.id}`, {
      method: 'DELETE',
      headers: bearer,
    });
    const after = await fetch(`${api.url}/api/me`, { headers: bearer });

    // then
    expect(await me.json()).toMatchObject({ login: 'analyst', agency: 'DSI' });
    expect(principal).toMatchObject({ login: 'analyst', role: 'analyst', via: 'token' });
    expect(revoke.status).toBe(204);
    expect(after.status).toBe(401);
    expect(await createTokenAuthenticator(api.db)('blc_not-a-token')).toBeUndefined();
  });

  it('should seed the demo accounts idempotently', async () => {
    // when
    await seedDemoAccounts(api.db);
    const { rows } = await api.db.query<{ login: string; role: string; groups: string[] }>(
      'select login, role, groups from account order by login',
    );

    // then
    expect(rows.map((r) => r.login)).toEqual([
      'admin',
      'analyst',
      'chan-ka-ian',
      'citizen',
      'dsaj-clerk',
      'dsf-clerk',
      'dsi-clerk',
      'ho-wai',
      'safp-clerk',
      'ssm-hospital',
      'supervisor',
    ]);
    expect(rows.flatMap((r) => r.groups)).toEqual(
      expect.arrayContaining([
        'dsi-crc-clerks',
        'dsf-clerks',
        'dsaj-registry-clerks',
        'safp-translators',
        'hospital-notifiers',
      ]),
    );
  });
});
