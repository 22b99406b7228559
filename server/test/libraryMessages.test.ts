import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';
import { applied, apply, complete, instanceWaitingAt, taskOf } from './libraryJourney';

// The messages procedures wait for have a sender people can reach: a DSF clerk tells P2 that
// the debts are settled (the procedure checks again at DSF), and the organiser of a closed
// consultation publishes its report to everyone whose opinion was counted (P9).

describe('messages the library procedures wait for', { timeout: 300_000 }, () => {
  let t: TestBalcao;
  let citizen: SignedIn;

  beforeAll(async () => {
    t = await startTestBalcao({ integrations: true, library: true });
    citizen = await t.signIn('citizen');
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  const owedPayment = (number: string) =>
    eventually(`the payment of ${number}`, async () => {
      const detail = (await (await citizen.call(`/api/applications/${number}`)).json()) as {
        owed: { kind: string }[];
      };
      return detail.owed.find((o) => o.kind === 'payment');
    });

  it('should let a DSF clerk have P2 check the debts again, until DSF finds them settled', async () => {
    // given the service offers its staff the message (the portal shows it as a button)
    const sheet = (await (
      await fetch(`${t.url}/api/catalogue/tax-clearance-certificate`)
    ).json()) as {
      staffMessages: { name: string; label: { en: string } }[];
    };
    expect(sheet.staffMessages).toEqual([
      expect.objectContaining({
        name: 'tax-debts-settled',
        label: expect.objectContaining({ en: 'Debts settled: check again' }),
      }),
    ]);
    // and a company with debts at DSF applies, and is told what it owes
    const dsf = await t.signIn('dsf-clerk');
    const number = await applied(
      await apply(citizen, 'tax-clearance-certificate', {
        taxpayerType: 'company',
        taxpayerNumber: '80000002',
        copies: 1,
        purpose: 'tender',
        consent: true,
      }),
    );
    await instanceWaitingAt(t, 'tax-clearance-certificate', number, 'debtsSettled');
    const settled = (who: SignedIn) =>
      who.call(`/api/applications/${number}/messages/tax-debts-settled`, { method: 'POST' });

    // when the clerk says the debts are settled before they are
    const early = await settled(dsf);

    // then DSF still reports debts and the procedure waits again
    expect(early.status).toBe(202);
    expect(await early.json()).toMatchObject({ number, message: 'tax-debts-settled' });
    await eventually('the second debt notice', async () => {
      const vars = await instanceWaitingAt(t, 'tax-clearance-certificate', number, 'debtsSettled');
      const history = (await (await citizen.call('/api/notifications')).json()) as {
        items: { caseRef: string | null; template: string }[];
      };
      const debtNotices = history.items.filter(
        (n) => n.caseRef === number && n.template === 'tax-debt-outstanding@1',
      );
      return debtNotices.length === 2 ? vars : undefined;
    });

    // when the company pays at DSF and the clerk says so
    const paid = await fetch(`${t.balcao.agenciesUrl ?? ''}/tax/debts/80000002/settlement`, {
      method: 'POST',
      headers: { 'x-api-key': 'demo-tax-key' },
    });
    expect(paid.status).toBe(200);
    expect((await settled(dsf)).status).toBe(202);

    // then the check finds it clear and the fee is asked for; nothing waits for the message now
    await owedPayment(number);
    const late = await settled(dsf);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(
      /^Expected application .* to wait for "Debts settled: check again", but it does not/,
    );
  }, 180_000);

  it('should let only staff of the agency send the messages its service declares', async () => {
    // given an application of the demo citizen (P2, taxpayer without debts)
    const number = await applied(
      await apply(citizen, 'tax-clearance-certificate', {
        taxpayerType: 'person',
        taxpayerNumber: '12345678',
        copies: 1,
        purpose: 'bank',
        consent: true,
      }),
    );
    const dsi = await t.signIn('dsi-clerk');
    const dsf = await t.signIn('dsf-clerk');
    const send = (who: SignedIn, name: string) =>
      who.call(`/api/applications/${number}/messages/${name}`, { method: 'POST' });

    // when / then
    expect((await send(citizen, 'tax-debts-settled')).status).toBe(403);
    expect((await send(dsi, 'tax-debts-settled')).status).toBe(404);
    expect((await send(dsf, 'payment-completed')).status).toBe(404);
  });

  it('should send the report of a closed consultation to each counted opinion, from its organiser', async () => {
    // given SAFP's consultation closes in a few seconds (the sheet as the agency republished it)
    const ref = 'CONS-2027-SAFP-01';
    const closesAt = new Date(Date.now() + 15_000).toISOString();
    await republishClosing(t, ref, closesAt);
    const moderator = await t.signIn('safp-clerk');
    const number = await applied(
      await apply(citizen, 'public-consultation', {
        consultationRef: ref,
        participantType: 'individual',
        stance: 'mixed',
        opinion: 'Keep a counter for people who do not use the internet.',
        publishConsent: true,
      }),
    );
    await complete(moderator, await taskOf(moderator, number, 'moderate'), {
      moderation: 'count',
      topic: 'counters',
      classifiedStance: 'mixed',
    });
    const report = (who: SignedIn, url = 'https://www.safp.gov.mo/cons-2027-01/report.pdf') =>
      who.call(`/api/open-calls/${ref}/report`, { method: 'POST', body: { url } });

    // when another agency or the organiser too early tries to publish
    const dsf = await t.signIn('dsf-clerk');
    const tooEarly = await report(moderator);
    const otherAgency = await report(dsf);

    // then
    expect(tooEarly.status).toBe(409);
    expect(otherAgency.status).toBe(403);
    expect((await report(moderator, 'not a url')).status).toBe(400);

    // when the consultation has closed and the organiser publishes
    await instanceWaitingAt(t, 'public-consultation', number, 'waitReport');
    const published = await report(moderator);

    // then the participant is told, in the name of the organiser, and the opinion is closed
    expect(published.status).toBe(202);
    expect(await published.json()).toEqual({ ref, applicationsTold: 1 });
    const notice = await eventually('the report notice', async () => {
      const list = (await (await citizen.call('/api/notifications')).json()) as {
        items: { caseRef: string | null; template: string; senderAgency: string }[];
      };
      return list.items.find((n) => n.caseRef === number && n.template === 'consultation-report@1');
    });
    expect(notice.senderAgency).toBe('SAFP');
    await eventually('the completed opinion', async () => {
      const detail = (await (await citizen.call(`/api/applications/${number}`)).json()) as {
        status: string;
      };
      return detail.status === 'completed' ? detail : undefined;
    });
  }, 180_000);
});

/** Changes a call's closing time in the published catalogue, as republishing the sheet would. */
async function republishClosing(t: TestBalcao, ref: string, closesAt: string): Promise<void> {
  const { rows } = await t.balcao.db.query<{ sheet: { openCalls: { calls: { ref: string }[] } } }>(
    `select sheet from catalogue_service where process_id = 'public-consultation'`,
  );
  const sheet = rows[0]?.sheet;
  const call = sheet?.openCalls.calls.find((c) => c.ref === ref);
  if (!sheet || !call) throw new Error(`no call ${ref} in the catalogue`);
  Object.assign(call, { closesAt });
  await t.balcao.db.query(
    `update catalogue_service set sheet = $1 where process_id = 'public-consultation'`,
    [JSON.stringify(sheet)],
  );
}
