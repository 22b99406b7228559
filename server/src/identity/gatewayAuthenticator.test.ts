import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/apiHarness';
import { findAccountByLogin } from './accounts';
import { createApiToken } from './apiTokens';
import { createGatewayAuthenticator } from './gatewayAuthenticator';

describe('gateway authenticator', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const tokenOf = async (login: string) => {
    const account = await findAccountByLogin(api.db, login);
    return (await createApiToken(api.db, account?.id ?? '', 'gateway')).token;
  };

  it("should accept an admin's API token and refuse a citizen's", async () => {
    // given
    const authenticate = createGatewayAuthenticator(api.db);
    const admin = await tokenOf('admin');
    const citizen = await tokenOf('citizen');

    // when
    const asAdmin = await authenticate(admin);
    const asCitizen = await authenticate(citizen);

    // then
    expect(asAdmin).toMatchObject({ login: 'admin', id: expect.any(String) });
    expect(asAdmin?.id).toBe(asAdmin?.accountId);
    expect(asCitizen).toBeUndefined();
  });
});
