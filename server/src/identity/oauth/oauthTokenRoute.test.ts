import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@balcao/platform';
import { startTestApi, type TestApi } from '../../../test/apiHarness';
import { createApiToken } from '../apiTokens';
import { AccessTokens } from './accessTokens';
import { oauthTokenRoute } from './oauthTokenRoute';

describe('OAuth token endpoint', () => {
  let api: TestApi;
  let adminId: string;
  let secret: string;

  beforeAll(async () => {
    const log = createLogger({ level: 'silent' });
    api = await startTestApi({
      routers: async (db) => [oauthTokenRoute(db, await AccessTokens.load(db), log)],
    });
    const { rows } = await api.db.query<{ id: string }>(
      "select id from account where login = 'admin'",
    );
    adminId = rows[0]!.id;
    secret = (await createApiToken(api.db, adminId, 'worker')).token;
  });

  afterAll(async () => {
    await api.close();
  });

  const requestToken = (form: Record<string, string>) =>
    fetch(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const auditRows = async () =>
    (
      await api.db.query<{
        actor: string | null;
        target: string | null;
        details: unknown;
        row: string;
      }>(
        `select actor, target, details, row_to_json(audit_log)::text as row
           from audit_log where action = 'POST /oauth/token' order by seq`,
      )
    ).rows;

  it('should audit an issued token under the client, never with its secret or the token', async () => {
    // when
    const res = await requestToken({
      grant_type: 'client_credentials',
      client_id: 'admin',
      client_secret: secret,
    });

    // then
    expect(res.status).toBe(200);
    const { access_token: accessToken } = (await res.json()) as { access_token: string };
    const rows = await auditRows();
    expect(rows).toEqual([
      expect.objectContaining({
        actor: adminId,
        target: 'client:admin',
        details: { outcome: 'ok' },
      }),
    ]);
    expect(rows[0]!.row).not.toContain(secret);
    expect(rows[0]!.row).not.toContain(accessToken);
  });

  it('should audit refused requests with their reason', async () => {
    // given
    const before = (await auditRows()).length;
    const wrongSecret = `${secret.slice(0, -4)}xxxx`;

    // when
    const wrong = await requestToken({
      grant_type: 'client_credentials',
      client_id: 'admin',
      client_secret: wrongSecret,
    });
    const grant = await requestToken({ grant_type: 'password', client_id: 'admin' });

    // then
    expect(wrong.status).toBe(401);
    expect(grant.status).toBe(400);
    const rows = (await auditRows()).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({
        actor: null,
        target: 'client:admin',
        details: { outcome: 'refused', code: 'invalid_client' },
      }),
      expect.objectContaining({
        actor: null,
        target: null,
        details: { outcome: 'refused', code: 'unsupported_grant_type' },
      }),
    ]);
    expect(rows[0]!.row).not.toContain(wrongSecret);
  });
});
