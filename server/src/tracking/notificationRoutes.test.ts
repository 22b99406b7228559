import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApi, type SignedIn, type TestApi } from '../../test/apiHarness';
import { createAccount } from '../identity/accounts';
import type { LiveHub } from '../live/attachLiveHub';
import { DatabaseNoticeSink } from './DatabaseNoticeSink';
import { notificationRoutes } from './notificationRoutes';

interface Notices {
  items: { id: string; caseRef: string | null; readAt: string | null }[];
  page: { total: number };
  unread: number;
}

describe('notification centre', () => {
  let api: TestApi;
  let citizen: SignedIn;
  let other: SignedIn;
  let first: string;
  let second: string;

  beforeAll(async () => {
    api = await startTestApi({ routes: notificationRoutes() });
    await createAccount(api.db, {
      login: 'other-citizen',
      displayName: 'Other',
      role: 'citizen',
      password: 'other-citizen-pw',
    });
    citizen = await signIn(api, 'citizen', 'demo-citizen');
    other = await signIn(api, 'other-citizen', 'other-citizen-pw');
    // given notices as the notify connector delivers them: two for the citizen, one for another
    const sink = new DatabaseNoticeSink({
      db: api.db,
      live: { publish: () => undefined } as Pick<LiveHub, 'publish'> as LiveHub,
    });
    const notice = (key: string, account: string, caseRef: string) =>
      sink.deliver({
        idempotencyKey: key,
        account,
        senderAgency: 'DSI',
        template: 'application-received',
        language: 'en',
        personalisation: { caseRef },
        caseRef,
      });
    first = (await notice('n-1', 'citizen', '2026-DSI-000001')).id;
    second = (await notice('n-2', 'citizen', '2026-DSI-000002')).id;
    await notice('n-3', 'other-citizen', '2026-DSI-000003');
  });

  afterAll(async () => {
    await api.close();
  });

  const notices = async (who: SignedIn, query = '') =>
    (await (await who.call(`/api/notifications${query}`)).json()) as Notices;

  it("should list only the account's own notices, newest first, with the unread count", async () => {
    // when
    const mine = await notices(citizen);
    const theirs = await notices(other);

    // then
    expect(mine.items.map((n) => n.id)).toEqual([second, first]);
    expect(mine).toMatchObject({ page: { total: 2 }, unread: 2 });
    expect(theirs.items.map((n) => n.caseRef)).toEqual(['2026-DSI-000003']);
  });

  it('should mark a notice read, once, and lower the unread count', async () => {
    // when
    const read = await citizen.call(`/api/notifications/${first}/read`, { method: 'POST' });
    const readAt = (await notices(citizen)).items.find((n) => n.id === first)?.readAt;
    const again = await citizen.call(`/api/notifications/${first}/read`, { method: 'POST' });

    // then
    expect(read.status).toBe(204);
    expect(again.status).toBe(204);
    const after = await notices(citizen);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === first)?.readAt).toBe(readAt);
    expect((await notices(citizen, '?unread=true')).items.map((n) => n.id)).toEqual([second]);
    const { rows } = await api.db.query<{ outcome: string }>(
      `select details->>'outcome' as outcome from audit_log
        where action = 'POST /api/notifications/:id/read' and target = $1`,
      [`notification:${first}`],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'ok']);
  });

  it("should answer 404 for another account's notice and leave it unread", async () => {
    // when
    const foreign = await other.call(`/api/notifications/${second}/read`, { method: 'POST' });
    const malformed = await other.call('/api/notifications/not-a-uuid/read', { method: 'POST' });
    const anonymous = await fetch(`${api.url}/api/notifications/${second}/read`, {
      method: 'POST',
    });

    // then
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('2026-DSI-000002');
    expect(malformed.status).toBe(404);
    expect(anonymous.status).toBe(401);
    expect((await notices(citizen)).unread).toBe(1);
  });
});
