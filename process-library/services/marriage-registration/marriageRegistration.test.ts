import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangedLetters } from '../../src/scenario/exchangedLetters';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'marriage-registration';
const phone = '+85366123461';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

/** HO WAI (single) marries CHAN KA IAN (single) unless the test says otherwise. */
function application(caseRef: string, extra: Record<string, unknown> = {}) {
  return {
    caseRef,
    applicantAccount: 'citizen-P0008',
    applicantPhone: phone,
    spouseAccount: 'citizen-P0006',
    language: 'en',
    applicantIdNumber: '7000000(1)',
    spouseIdNumber: '1357246(8)',
    preferredDate: '2026-02-14',
    propertyRegime: 'acquired',
    consent: true,
    ...extra,
  };
}

describe('P5 marriage registration', { timeout: 120_000 }, () => {
  it('should take the co-signature, book, register and tell DSI and FSS', async () => {
    // given
    const caseRef = 'DSAJ-CAS-0001';
    const key = await h.startApplication(processId, application(caseRef));

    // when the spouse co-signs, a clerk books and the registrar celebrates
    await h.t.engine.completeUserTask({
      key: await h.waitForUserTask(key, 'cosign'),
      variables: { spouseDecision: 'agree' },
    });
    await h.t.engine.completeUserTask({
      key: await h.waitForUserTask(key, 'book'),
      variables: {
        ceremonyDate: '2026-02-14',
        ceremonyTime: '11:00',
        ceremonyRoom: 'registry-hall',
      },
    });
    await h.t.engine.completeUserTask({
      key: await h.waitForUserTask(key, 'celebrate'),
      variables: { registrarDecision: 'register', registrationNumber: 'CAS-2026-0042' },
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const milestones = (await h.milestones(key)).map((m) => m.en);
    expect(milestones.slice(0, 5)).toEqual([
      'Application accepted',
      "Awaiting the spouse's signature",
      'Booking the ceremony',
      'In process at DSAJ',
      'Certificate issued',
    ]);
    expect(milestones.slice(5).sort()).toEqual([
      'Marital status sent to DSI',
      'Marriage allowance claimed at FSS',
    ]);
    const vars = await h.t.finalVariables(key);
    const certificate = vars.certificate as { verificationCode: string; sha256: string };
    expect((await verifyDocument(h.documents, certificate.verificationCode)).status).toBe(
      'GENUINE',
    );
    const letters = await exchangedLetters(h.agencies, caseRef);
    expect(letters.map((l) => [l.receiverDepartment, l.status])).toEqual([
      ['DSI', 'DELIVERED'],
      ['FSS', 'DELIVERED'],
    ]);
    for (const letter of letters) {
      expect(letter.body).toContain('CAS-2026-0042');
      expect(letter.body).toContain('HO WAI');
      expect(letter.attachments[0]?.sha256).toBe(certificate.sha256);
    }
    expect(h.inAppTemplates(caseRef)).toEqual([
      'marriage-ceremony-booked@1',
      'marriage-registered@1',
    ]);
  });

  it('should stop when the applicant is still married, without asking the spouse', async () => {
    // given CHAN TAI MAN, married to LEI SIO MEI
    const caseRef = 'DSAJ-CAS-0002';

    // when
    const key = await h.startApplication(
      processId,
      application(caseRef, { applicantIdNumber: '1234567(8)', applicantAccount: 'citizen-P0001' }),
    );
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const trail = await h.t.elementTrail(key);
    expect(trail).toContain('endImpediment:ELEMENT_COMPLETED');
    expect(trail).not.toContain('cosign:ELEMENT_ACTIVATED');
    expect(h.inAppTemplates(caseRef)).toEqual(['marriage-impediment@1']);
  });

  it('should close the application when the spouse does not co-sign in 14 days', async () => {
    // given
    const caseRef = 'DSAJ-CAS-0003';
    const key = await h.startApplication(processId, application(caseRef));
    await h.waitForUserTask(key, 'cosign');

    // when
    await h.t.advance(15 * 24 * 3_600_000);
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNotCosigned:ELEMENT_COMPLETED');
    expect(await exchangedLetters(h.agencies, caseRef)).toEqual([]);
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'marriage-not-cosigned@1' }),
    ]);
  });
});
