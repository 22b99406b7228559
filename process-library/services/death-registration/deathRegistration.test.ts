import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeliveryByOtherMeans } from '../../src/scenario/deliveryFailures';
import { exchangedLetters } from '../../src/scenario/exchangedLetters';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'death-registration';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

const phone = '+85366123462';
const toldOnce = ['DSAT', 'DSF', 'DSI', 'FP', 'FSS', 'IAS'];

/** What the server starts P6 with when a hospital notifies a death (POST /api/hospital-notifications/deaths). */
async function notifyDeath(
  caseRef: string,
  deceasedIdNumber: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const deathNotificationId = `SSM-DN-${caseRef}`;
  return h.startApplication(processId, {
    caseRef,
    deathNotificationId,
    hospital: 'SSM',
    dateOfDeath: '2026-01-04',
    deceasedIdNumber,
    applicantAccount: 'citizen-P0001',
    applicantPhone: phone,
    language: 'zh-Hant',
    ...extra,
  });
}

const declaration = {
  declarantName: 'CHAN TAI MAN',
  declarantIdNumber: '1234567(8)',
  declarantRelation: 'child',
  funeral: 'cremation',
  tellUsOnce: true,
};

/** The declarant declares and the registrar registers under `registrationNumber`. */
async function declareAndRegister(key: number, registrationNumber: string): Promise<void> {
  await h.completeTask(key, 'declare', declaration);
  await h.completeTask(key, 'register', { registrarDecision: 'register', registrationNumber });
}

describe('P6 death registration (tell us once)', { timeout: 120_000 }, () => {
  it('should register the death, issue the certificate and tell six agencies, each with evidence', async () => {
    // given the death of WONG MEI LENG, declared by her son
    const caseRef = 'DSAJ-OBI-0001';
    const key = await notifyDeath(caseRef, '1023456(2)');

    // when
    await declareAndRegister(key, 'OBI-2026-000007');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const milestones = await h.milestones(key);
    expect(milestones.slice(0, 4).map((m) => m.en)).toEqual([
      'Death notified',
      'Awaiting the declaration',
      'In process at DSAJ',
      'Certificate issued',
    ]);
    // One letter per agency through the shared exchange block, each with its evidence.
    expect(milestones.slice(4).map((m) => m.en)).toEqual(
      toldOnce.map(() => 'Sent to the department'),
    );
    const vars = await h.t.finalVariables(key);
    const certificate = vars.certificate as { verificationCode: string; sha256: string };
    expect((await verifyDocument(h.documents, certificate.verificationCode)).status).toBe(
      'GENUINE',
    );
    const letters = await exchangedLetters(h.agencies, caseRef);
    expect(letters.map((l) => l.receiverDepartment)).toEqual(toldOnce);
    for (const letter of letters) {
      expect(letter.status).toBe('DELIVERED');
      expect(letter.evidence?.receiptId).toMatch(/^RCPT-/);
      expect(letter.body).toContain('WONG MEI LENG');
      expect(letter.attachments[0]?.sha256).toBe(certificate.sha256);
    }
    expect(vars.dsatLetter).toMatchObject({ status: 'DELIVERED' });
    expect(h.inAppTemplates(caseRef)).toEqual(['death-registered@1']);
  });

  it('should record a letter to DSAT delivered by hand when DSAT refused it, and tell the others', async () => {
    // given DSAT's mailbox refuses deliveries
    const caseRef = 'DSAJ-OBI-0004';
    await h.setMailbox('DSAT', false, 'DSAT mailbox unreachable');
    const key = await notifyDeath(caseRef, '1023456(2)');
    await declareAndRegister(key, 'OBI-2026-000009');

    // when a registrar records that the letter went to DSAT by hand
    const failed = await recordDeliveryByOtherMeans(h, key, 'hand', 'DSAT-7');
    const state = await h.waitForEnd(key);
    await h.setMailbox('DSAT', true);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.candidateGroups(failed)).toEqual(['dsaj-death-registrars']);
    const vars = await h.t.finalVariables(key);
    expect(vars.dsatLetter).toMatchObject({
      status: 'DELIVERED_OTHERWISE',
      otherMeans: { method: 'hand', reference: 'DSAT-7' },
    });
    expect(vars.fssLetter).toMatchObject({ status: 'DELIVERED' });
    const letters = await exchangedLetters(h.agencies, caseRef);
    expect(letters.map((l) => [l.receiverDepartment, l.status])).toEqual(
      toldOnce.map((agency) => [agency, agency === 'DSAT' ? 'SENT' : 'DELIVERED']),
    );
    expect(h.inAppTemplates(caseRef)).toEqual(['death-registered@1']);
  });

  it('should tell no agency when the registrar refuses the declaration', async () => {
    // given
    const caseRef = 'DSAJ-OBI-0002';
    const key = await notifyDeath(caseRef, '1023456(2)');
    await h.completeTask(key, 'declare', declaration);

    // when
    await h.completeTask(key, 'register', {
      registrarDecision: 'refuse',
      rejectionReason: 'Duplicate of DSAJ-OBI-0001',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRefused:ELEMENT_COMPLETED');
    expect(await exchangedLetters(h.agencies, caseRef)).toEqual([]);
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'death-registration-refused@1' }),
    ]);
  });

  it('should return the notification to the hospital when the person is not in the registry', async () => {
    // given
    const caseRef = 'DSAJ-OBI-0003';

    // when
    const key = await notifyDeath(caseRef, '1999999(9)');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endReturned:ELEMENT_COMPLETED');
    expect((await exchangedLetters(h.agencies, caseRef)).map((l) => l.receiverDepartment)).toEqual([
      'SSM',
    ]);
  });
});
