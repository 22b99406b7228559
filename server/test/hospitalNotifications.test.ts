import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';
import { complete, taskOf } from './libraryJourney';

// A hospital system notifies births and deaths with its API token; the server opens the
// application (the family's when a parent / next of kin has a portal account, else DSAJ
// staff's alone) and starts P4 / P6 through the same starter as the portal, so the timeline,
// the owed declaration and the SLA clock follow. A retried notification starts nothing new.

interface Received {
  notificationId: string;
  kind: string;
  applicationNumber: string;
  status: string;
  trackedBy: 'family' | 'staff';
  replayed: boolean;
}
interface Detail {
  number: string;
  processId: string;
  status: string;
  timeline: { label: { en: string }; agency: string | null }[];
  documents: { title: string }[];
  owed: { label: { en: string } }[];
  sla: { state: string; pledgeWorkingDays: number | null };
}

describe('hospital notifications', { timeout: 300_000 }, () => {
  let t: TestBalcao;
  let token: string;
  let citizen: SignedIn;
  let registrar: SignedIn;

  const notify = (kind: 'births' | 'deaths', body: unknown, bearer: string | undefined = token) =>
    postJson(
      `${t.url}/api/hospital-notifications/${kind}`,
      body,
      bearer ? { authorization: `Bearer ${bearer}` } : {},
    );

  // LEI SIO MEI (no portal account) and CHAN TAI MAN (the demo citizen), parents of a newborn.
  const birth = (notificationId: string) => ({
    notificationId,
    dateOfBirth: '2026-01-04',
    sex: 'F',
    motherIdNumber: '5123456(7)',
    fatherIdNumber: '1234567(8)',
    familyPhone: '+85366123470',
    language: 'en',
  });

  beforeAll(async () => {
    t = await startTestBalcao({ integrations: true, library: true });
    const hospital = await t.signIn('ssm-hospital', 'demo-hospital');
    const created = await hospital.call('/api/me/tokens', {
      method: 'POST',
      body: { name: 'SSM hospital information system' },
    });
    token = ((await created.json()) as { token: string }).token;
    citizen = await t.signIn('citizen');
    registrar = await t.signIn('dsaj-clerk');
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should open a birth registration the father follows in the portal, and DSAJ staff too', async () => {
    // when the hospital notifies the birth
    const res = await notify('births', birth('SSM-BN-2026-000123'));
    const received = (await res.json()) as Received;

    // then the application is the family's, numbered by DSAJ
    expect(res.status).toBe(201);
    expect(received).toMatchObject({
      kind: 'birth',
      trackedBy: 'family',
      replayed: false,
      applicationNumber: expect.stringMatching(/^\d{4}-DSAJ-\d{6}$/),
    });
    const number = received.applicationNumber;
    const mine = (await (await citizen.call('/api/applications')).json()) as {
      items: { number: string }[];
    };
    expect(mine.items.map((a) => a.number)).toContain(number);

    // and P4 runs: the mother is found, the declaration is owed by the father, the pledge clock runs
    const detail = await eventually(`the declaration owed in ${number}`, async () => {
      const d = (await (await citizen.call(`/api/applications/${number}`)).json()) as Detail;
      return d.owed.some((o) => o.label.en === "Awaiting the parents' declaration") ? d : undefined;
    });
    expect(detail.processId).toBe('birth-registration');
    expect(detail.timeline.map((m) => m.label.en)).toContain('Birth notified');
    expect(detail.sla.pledgeWorkingDays).toBe(2);
    const staffView = await registrar.call(`/api/applications/${number}`);
    expect(staffView.status).toBe(200);
    const { rows } = await t.balcao.db.query<{ data: Record<string, unknown> }>(
      'select data from application where number = $1',
      [number],
    );
    expect(rows[0]?.data).toMatchObject({
      birthNotificationId: 'SSM-BN-2026-000123',
      hospital: 'SSM',
      familyInPortal: true,
      applicantPhone: '+85366123470',
    });
  });

  it('should carry the birth to the certificate, telling DSI and FSS on the family timeline', async () => {
    // given a notified birth
    const { applicationNumber: number } = (await (
      await notify('births', birth('SSM-BN-2026-000130'))
    ).json()) as Received;

    // when the father declares in the portal and a registrar registers the birth
    const declare = await taskOf(citizen, number, 'declare');
    const declared = await citizen.call(`/api/tasks/${declare.id}/complete`, {
      method: 'POST',
      body: {
        data: {
          childNameChinese: '陳家樂',
          childNamePortuguese: 'CHAN KA LOK',
          address: 'Rua Central 1, Macau',
          tellUsOnce: true,
        },
      },
    });
    expect(declared.status).toBe(200);
    await complete(registrar, await taskOf(registrar, number, 'register'), {
      registrarDecision: 'register',
      registrationNumber: 'NAS-2026-000130',
    });

    // then the application completes with the certificate, and each letter is a step of its agency
    const done = await eventually(`${number} completed`, async () => {
      const d = (await (await citizen.call(`/api/applications/${number}`)).json()) as Detail;
      return d.status === 'completed' ? d : undefined;
    });
    expect(done.documents).toHaveLength(1);
    expect(
      done.timeline
        .filter((m) => m.label.en === 'Sent to the department')
        .map((m) => m.agency)
        .sort(),
    ).toEqual(['DSI', 'FSS']);
  });

  it('should answer a retried notification with the first application and start nothing new', async () => {
    // given
    const first = (await (await notify('births', birth('SSM-BN-2026-000124'))).json()) as Received;

    // when the hospital sends it again, twice at once
    const [again, concurrent] = await Promise.all([
      notify('births', birth('SSM-BN-2026-000124')),
      notify('births', birth('SSM-BN-2026-000124')),
    ]);
    const bodies = [(await again.json()) as Received, (await concurrent.json()) as Received];

    // then
    expect(bodies.map((b) => b.applicationNumber)).toEqual([
      first.applicationNumber,
      first.applicationNumber,
    ]);
    expect(bodies.every((b) => b.replayed)).toBe(true);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const { rows } = await t.balcao.db.query<{ n: number; instances: number }>(
      `select count(*)::int as n, count(distinct instance_key)::int as instances
         from application where data->>'birthNotificationId' = $1`,
      ['SSM-BN-2026-000124'],
    );
    expect(rows[0]).toEqual({ n: 1, instances: 1 });
  });

  it('should leave a death to DSAJ staff when the next of kin has no portal account', async () => {
    // when
    const res = await notify('deaths', {
      notificationId: 'SSM-DN-2026-000045',
      dateOfDeath: '2026-01-03',
      deceasedIdNumber: '1023456(2)',
      declarantIdNumber: '5123456(7)',
    });
    const received = (await res.json()) as Received;

    // then the family has nothing to see; DSAJ staff follow it and take the declaration
    expect(res.status).toBe(201);
    expect(received).toMatchObject({ kind: 'death', trackedBy: 'staff' });
    const number = received.applicationNumber;
    expect((await citizen.call(`/api/applications/${number}`)).status).toBe(404);
    const staffView = (await (
      await registrar.call(`/api/applications/${number}`)
    ).json()) as Detail;
    expect(staffView).toMatchObject({ processId: 'death-registration', number });
    const declare = await eventually(`the declaration of ${number} at the counter`, async () => {
      const list = (await (
        await registrar.call(`/api/tasks?applicationNumber=${number}`)
      ).json()) as { items: { elementId: string; assignee: string | null }[] };
      return list.items.find((task) => task.elementId === 'declare');
    });
    expect(declare.assignee).toBeNull();
  });

  it('should refuse a bad notification with the fields at fault', async () => {
    // when
    const res = await notify('births', {
      notificationId: 'x',
      dateOfBirth: '2999-01-01',
      sex: 'X',
      motherIdNumber: '9999',
    });

    // then
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path).sort()).toEqual([
      'dateOfBirth',
      'motherIdNumber',
      'notificationId',
      'sex',
    ]);
  });

  it('should refuse a caller without a token (401) and an account that is not a hospital (403)', async () => {
    // given a clerk's own token
    const clerkToken = (await (
      await registrar.call('/api/me/tokens', { method: 'POST', body: { name: 'scripts' } })
    ).json()) as { token: string };

    // when
    const anonymous = await notify('births', birth('SSM-BN-2026-000125'), '');
    const notHospital = await notify('births', birth('SSM-BN-2026-000126'), clerkToken.token);

    // then
    expect(anonymous.status).toBe(401);
    expect(notHospital.status).toBe(403);
  });

  it('should describe both endpoints in the OpenAPI document', async () => {
    // when
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: unknown } }>;
    };

    // then
    expect(doc.paths['/api/hospital-notifications/births']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/hospital-notifications/deaths']?.post?.requestBody).toBeDefined();
  });
});
