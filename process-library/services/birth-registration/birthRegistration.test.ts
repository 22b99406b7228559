import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendOnceAccepted } from '../../src/scenario/deliveryFailures';
import { exchangedLetters } from '../../src/scenario/exchangedLetters';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'birth-registration';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

const phone = '+85366123460';

/** What the server starts P4 with when a hospital notifies a birth (POST /api/hospital-notifications/births). */
async function notifyBirth(
  caseRef: string,
  motherIdNumber: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const birthNotificationId = `SSM-BN-${caseRef}`;
  return h.startApplication(processId, {
    caseRef,
    birthNotificationId,
    hospital: 'SSM',
    dateOfBirth: '2026-01-04',
    sex: 'F',
    motherIdNumber,
    applicantAccount: 'citizen-P0002',
    applicantPhone: phone,
    language: 'pt',
    ...extra,
  });
}

/** The delivery status of the letters to DSI and FSS, as the case keeps them. */
function letterStatuses(v: Record<string, unknown>) {
  const status = (name: string) => (v[name] as { status?: string } | undefined)?.status;
  return { dsi: status('dsiLetter'), fss: status('fssLetter') };
}

const declaration = {
  childNameChinese: '陳家樂',
  childNamePortuguese: 'CHAN KA LOK',
  address: 'Rua Central 1, Macau',
  tellUsOnce: true,
};

/** The parents declare and the registrar registers under `registrationNumber`. */
async function declareAndRegister(key: number, registrationNumber: string): Promise<void> {
  await h.completeTask(key, 'declare', declaration);
  await h.completeTask(key, 'register', { registrarDecision: 'register', registrationNumber });
}

describe('P4 birth registration (tell us once)', { timeout: 120_000 }, () => {
  it('should register the birth, issue the certificate and tell DSI and FSS once', async () => {
    // given a hospital notification for the mother LEI SIO MEI
    const caseRef = 'DSAJ-BR-0001';
    const key = await notifyBirth(caseRef, '5123456(7)');

    // when the parents declare and the registrar registers
    await declareAndRegister(key, 'NAS-2026-000123');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const milestones = (await h.milestones(key)).map((m) => m.en);
    expect(milestones.slice(0, 4)).toEqual([
      'Birth notified',
      "Awaiting the parents' declaration",
      'In process at DSAJ',
      'Certificate issued',
    ]);
    // Each letter goes through the shared exchange block, with its delivery evidence.
    expect(milestones.slice(4)).toEqual(['Sent to the department', 'Sent to the department']);
    expect(letterStatuses(await h.t.finalVariables(key))).toEqual({
      dsi: 'DELIVERED',
      fss: 'DELIVERED',
    });
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
      expect(letter.body).toContain('NAS-2026-000123');
      expect(letter.attachments[0]?.sha256).toBe(certificate.sha256);
      expect(letter.evidence?.receiptId).toMatch(/^RCPT-/);
    }
    expect(h.inAppTemplates(caseRef)).toEqual(['birth-registered@1']);
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'birth-registered@1' }),
    ]);
  });

  it('should have a registrar send the letter to DSI again when DSI refused it', async () => {
    // given DSI's mailbox refuses deliveries
    const caseRef = 'DSAJ-BR-0005';
    await h.setMailbox('DSI', false, 'DSI registry offline');
    const key = await notifyBirth(caseRef, '5123456(7)');
    await declareAndRegister(key, 'NAS-2026-000125');

    // when a registrar sends it again once DSI accepts
    const failed = await resendOnceAccepted(h, key, 'DSI');
    const state = await h.waitForEnd(key);

    // then both agencies have their letter and the parents are told
    expect(state).toBe('COMPLETED');
    expect(await h.candidateGroups(failed)).toEqual(['dsaj-birth-registrars']);
    const letters = await exchangedLetters(h.agencies, caseRef);
    expect(letters.map((l) => [l.receiverDepartment, l.status])).toEqual([
      ['DSI', 'DELIVERED'],
      ['FSS', 'DELIVERED'],
    ]);
    expect(letterStatuses(await h.t.finalVariables(key))).toEqual({
      dsi: 'DELIVERED',
      fss: 'DELIVERED',
    });
    expect(h.inAppTemplates(caseRef)).toEqual(['birth-registered@1']);
  });

  it('should leave the declaration to the DSAJ counter when the family has no portal account', async () => {
    // given a notification the server tracks for staff only
    const caseRef = 'DSAJ-BR-0006';

    // when
    const key = await notifyBirth(caseRef, '5123456(7)', {
      familyInPortal: false,
      applicantAccount: 'agency:DSAJ',
    });
    const task = await h.waitForUserTask(key, 'declare');

    // then nobody in particular holds it: the registrars take it at the counter
    const row = await h.t.db.query<{ assignee: string | null; candidate_groups: string[] }>(
      'select assignee, candidate_groups from engine_user_task where key = $1',
      [task],
    );
    expect(row.rows[0]).toEqual({ assignee: null, candidate_groups: ['dsaj-birth-registrars'] });
  });

  it('should tell the parents when the registrar refuses the declaration, and no agency', async () => {
    // given
    const caseRef = 'DSAJ-BR-0002';
    const key = await notifyBirth(caseRef, '5123456(7)');
    await h.completeTask(key, 'declare', declaration);

    // when
    await h.completeTask(key, 'register', {
      registrarDecision: 'refuse',
      rejectionReason: 'The names differ from the ID',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRefused:ELEMENT_COMPLETED');
    expect(await exchangedLetters(h.agencies, caseRef)).toEqual([]);
    expect(h.inAppTemplates(caseRef)).toEqual(['birth-registration-refused@1']);
  });

  it('should return the notification to the hospital when the mother is not in the registry', async () => {
    // given
    const caseRef = 'DSAJ-BR-0003';

    // when
    const key = await notifyBirth(caseRef, '1999999(9)');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endReturned:ELEMENT_COMPLETED');
    expect((await exchangedLetters(h.agencies, caseRef)).map((l) => l.receiverDepartment)).toEqual([
      'SSM',
    ]);
  });

  it('should report to MP after 30 days without a declaration and still accept it later', async () => {
    // given
    const caseRef = 'DSAJ-BR-0004';
    const key = await notifyBirth(caseRef, '5123456(7)');
    await h.waitForUserTask(key, 'declare');

    // when 30 days pass
    await h.t.advance(31 * 24 * 3_600_000);
    const letters = await h.waitFor('the letter to MP delivered', async () => {
      const found = await exchangedLetters(h.agencies, caseRef);
      return found[0]?.status === 'DELIVERED' ? found : undefined;
    });

    // then MP has a confidential letter, and the parents can still declare
    expect(letters.map((l) => [l.receiverDepartment, l.classification, l.status])).toEqual([
      ['MP', 'confidential', 'DELIVERED'],
    ]);
    await h.completeTask(key, 'declare', declaration);
    await h.waitForUserTask(key, 'register');
    expect(await h.t.instanceState(key)).toBe('ACTIVE');
  });
});
