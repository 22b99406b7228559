import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, signIn, startTestApi, type TestApi } from '../../test/apiHarness';

describe('sign-in, sessions and CSRF', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('should sign in the demo citizen with an httpOnly SameSite=Lax cookie and answer /api/me', async () => {
    // given
    const res = await postJson(`${api.url}/api/auth/login`, {
      login: 'citizen',
      password: 'demo-citizen',
    });

    // when
    const cookies = res.headers.getSetCookie();
    const citizen = await signIn(api, 'citizen', 'demo-citizen');
    const me = await citizen.call('/api/me');

    // then
    expect(res.status).toBe(200);
    const session = cookies.find((c) => c.startsWith('balcao_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(await me.json()).toMatchObject({
      login: 'citizen',
      role: 'citizen',
      personDocument: '1234567(8)',
    });
  });

  it('should store only a hash of the session id', async () => {
    // given
    const citizen = await signIn(api, 'citizen', 'demo-citizen');
    const sessionId = /balcao_session=([^;]+)/.exec(citizen.cookie)?.[1] ?? '';

    // when
    const { rows } = await api.db.query<{ n: number }>(
      'select count(*)::int as n from account_session where id_hash = $1',
      [sessionId],
    );

    // then
    expect(sessionId.length).toBeGreaterThan(20);
    expect(rows[0]?.n).toBe(0);
  });

  it('should answer 401 without a session and with a wrong password', async () => {
    // when
    const anonymous = await fetch(`${api.url}/api/me`);
    const wrong = await postJson(`${api.url}/api/auth/login`, { login: 'citizen', password: 'x' });

    // then
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('should refuse a state-changing cookie request without the CSRF header', async () => {
    // given
    const clerk = await signIn(api, 'dsf-clerk', 'demo-clerk');

    // when
    const without = await clerk.call('/api/me/tokens', {
      method: 'POST',
      body: { name: 'x' },
      csrf: false,
    });
    const withIt = await clerk.call('/api/me/tokens', { method: 'POST', body: { name: 'x' } });

    // then
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    expect(withIt.status).toBe(201);
  });

  it('should end the session on logout', async () => {
    // given
    const admin = await signIn(api, 'admin', 'demo-admin');

    // when
    const logout = await admin.call('/api/auth/logout', { method: 'POST' });
    const after = await admin.call('/api/me');

    // then
    expect(logout.status).toBe(204);
    expect(after.status).toBe(401);
  });

  it('should lock the account after 5 failures and say when to try again', async () => {
    // given
    const attempts = [];
    for (let i = 0; i < 5; i += 1) {
      attempts.push(
        await postJson(`${api.url}/api/auth/login`, { login: 'safp-clerk', password: 'bad' }),
      );
    }

    // when
    const withRightPassword = await postJson(`${api.url}/api/auth/login`, {
      login: 'safp-clerk',
      password: 'demo-clerk',
    });

    // then
    expect(attempts.slice(0, 4).map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(attempts[4]?.status).toBe(429);
    expect(withRightPassword.status).toBe(429);
    expect(withRightPassword.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await withRightPassword.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('ACCOUNT_LOCKED');
    expect(body.error.message).toMatch(/Try again after \d\d:\d\d \(Macao time\)/);
  });
});
