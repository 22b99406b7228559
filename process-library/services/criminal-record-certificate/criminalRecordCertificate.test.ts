import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendOnceAccepted } from '../../src/scenario/deliveryFailures';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'criminal-record-certificate';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function application(caseRef: string, idNumber: string, extra: Record<string, unknown> = {}) {
  return {
    caseRef,
    applicantAccount: 'citizen-P0001',
    applicantPhone: phone,
    language: 'en',
    idNumber,
    purpose: 'employment',
    urgency: 'normal',
    deliveryFormat: 'electronic',
    sendToDepartment: false,
    consent: true,
    ...extra,
  };
}

const phone = '+85366123456';

describe('P1 criminal record certificate', () => {
  it('should verify, take the payment and issue the certificate to the receiving department', async () => {
    // given
    const caseRef = 'DSI-CRC-0001';
    const key = await h.startApplication(
      processId,
      application(caseRef, '1234567(8)', { sendToDepartment: true, receivingDepartment: 'SAFP' }),
    );

    // when
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Application accepted',
      'Awaiting payment',
      'Certificate issued',
      'Sent to the department',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.certificate).toMatchObject({
      verificationCode: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
    });
    const code = (vars.certificate as { verificationCode: string }).verificationCode;
    expect((await verifyDocument(h.documents, code)).status).toBe('GENUINE');
    expect(vars.exchange).toMatchObject({ status: 'DELIVERED' });
    expect(h.inAppTemplates(caseRef)).toEqual(['crc-ready@1']);
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'crc-ready@1' }),
    ]);
  });

  it('should have a DSI clerk send the certificate again when the department refused it', async () => {
    // given the receiving department's mailbox refuses deliveries
    const caseRef = 'DSI-CRC-0009';
    await h.setMailbox('DSAL', false, 'DSAL mailbox full');
    const key = await h.startApplication(
      processId,
      application(caseRef, '1234567(8)', { sendToDepartment: true, receivingDepartment: 'DSAL' }),
    );
    await h.settlePayment(key, 'complete');

    // when a clerk of dsi-crc-clerks sends it again once the mailbox accepts
    const failed = await resendOnceAccepted(h, key, 'DSAL');
    const state = await h.waitForEnd(key);

    // then the same letter is delivered and the citizen is told the certificate is ready
    expect(state).toBe('COMPLETED');
    expect(await h.candidateGroups(failed)).toEqual(['dsi-crc-clerks']);
    const letters = await h.letters({ caseRef });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ status: 'DELIVERED', receiverDepartment: 'DSAL' });
    expect((await h.t.finalVariables(key)).exchange).toMatchObject({ status: 'DELIVERED' });
    expect(h.inAppTemplates(caseRef)).toEqual(['crc-ready@1']);
  });

  it('should ask for missing information in a clerk-verified case and then issue', async () => {
    // given a non-permanent resident: not a simple case
    const caseRef = 'DSI-CRC-0002';
    const key = await h.startApplication(processId, application(caseRef, '7000000(1)'));
    await h.settlePayment(key, 'complete');
    const verification = await h.waitForUserTask(key, 'verification');

    // when the clerk asks for a document, the applicant submits it, and the clerk approves
    await h.t.engine.completeUserTask({
      key: verification,
      variables: { clerkDecision: 'requestInformation', missingItems: 'Copy of your work permit' },
    });
    await h.waitForUserTask(key, 'provide');
    await h.t.engine.publishMessage({
      name: 'documents-submitted',
      correlationKey: caseRef,
      timeToLive: 0,
      messageId: `${caseRef}:documents:1`,
      variables: {},
    });
    const second = await h.waitForUserTask(key, 'verification');
    await h.t.engine.completeUserTask({ key: second, variables: { clerkDecision: 'approve' } });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Application accepted',
      'Awaiting payment',
      'In process at DSI',
      'Awaiting documents',
      'In process at DSI',
      'Certificate issued',
    ]);
    expect((await h.t.finalVariables(key)).certificate).toMatchObject({
      validUntil: expect.any(String),
    });
  });

  it('should close the application as withdrawn when the applicant does not react in time', async () => {
    // given
    const caseRef = 'DSI-CRC-0003';
    const key = await h.startApplication(processId, application(caseRef, '7000000(1)'));
    await h.settlePayment(key, 'complete');
    const verification = await h.waitForUserTask(key, 'verification');
    await h.t.engine.completeUserTask({
      key: verification,
      variables: { clerkDecision: 'requestInformation', missingItems: 'Copy of your passport' },
    });
    await h.waitForUserTask(key, 'provide');
    const dueAt = await h.waitFor('the reaction deadline', async () => {
      const r = await h.t.db.query<{ value: string }>(
        `select value #>> '{}' as value from engine_variable
          where name = 'reactionDueAt' and process_instance_key = any($1)`,
        [[...(await h.instanceTree(key))]],
      );
      return r.rows[0]?.value;
    });

    // when the 10 working days pass: still open an hour before the end of the last one
    await h.t.advance(Date.parse(dueAt) - 3_600_000 - h.t.clock.now());
    const beforeDeadline = await h.t.instanceState(key);
    await h.t.advance(2 * 3_600_000);
    const state = await h.waitForEnd(key);

    // then
    expect(dueAt).toMatch(/T23:59:59\+08:00$/);
    expect(beforeDeadline).toBe('ACTIVE');
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endWithdrawn:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['crc-deemed-withdrawn@1']);
  });

  it('should reject the application when the civil registry does not know the person', async () => {
    // given
    const caseRef = 'DSI-CRC-0004';

    // when
    const key = await h.startApplication(processId, application(caseRef, '1999999(9)'));
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNotFound:ELEMENT_COMPLETED');
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({ channel: 'sms', template: 'crc-identity-not-confirmed@1' }),
    ]);
  });
});
