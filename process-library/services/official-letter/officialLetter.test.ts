import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeliveryByOtherMeans } from '../../src/scenario/deliveryFailures';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'official-letter';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function draft(caseRef: string, extra: Record<string, unknown> = {}) {
  return {
    caseRef,
    applicantAccount: 'clerk-safp-7',
    language: 'pt',
    senderDepartment: 'SAFP',
    receiverDepartment: 'DSAJ',
    fileReference: 'SAFP/DAJ/2026/41',
    subject: 'Pedido de parecer sobre o regime de subsídio de família',
    letterBody: 'Solicita-se o parecer de V. Exa. sobre ...',
    classification: 'ordinary',
    signer: 'Director SAFP',
    ...extra,
  };
}

async function decide(key: number, elementId: string, approvalDecision: string) {
  await h.completeTask(key, elementId, { approvalDecision });
}

describe('P14 official letter', () => {
  it('should approve, sign, send with delivery evidence, and be registered and answered by the receiver', async () => {
    // given
    const caseRef = 'SAFP-LTR-0001';
    const key = await h.startApplication(processId, draft(caseRef));

    // when the chain approves and signs, and DSAJ registers, assigns and answers
    await decide(key, 'approveSection', 'approve');
    await decide(key, 'signByHead', 'approve');
    const registration = await h.waitForUserTask(key, 'registerReceived');
    await h.t.engine.completeUserTask({
      key: registration,
      variables: { receiverRegistrar: 'registry-dsaj-1', receiverAssignee: 'jurist-dsaj-4' },
    });
    const answer = await h.waitForUserTask(key, 'answer');
    await h.t.engine.completeUserTask({
      key: answer,
      variables: { replySummary: 'Parecer favorável enviado' },
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'In approval',
      'Awaiting signature',
      'Sent to the department',
      'Received by the department',
      'Being answered',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.letterRef).toMatchObject({
      number: expect.stringMatching(/^SAFP-LTR-0001\/SAFP\/\d{4}$/),
    });
    expect(vars.exchange).toMatchObject({
      status: 'DELIVERED',
      evidence: {
        documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        receiptId: expect.stringMatching(/^RCPT-/),
      },
    });
    const [letter] = await h.letters({ caseRef });
    expect(letter).toMatchObject({
      status: 'REPLIED',
      number: (vars.letterRef as { number: string }).number,
      registrationNumber: expect.stringMatching(/^DSAJ-/),
      assignee: 'jurist-dsaj-4',
    });
    expect(h.inAppTemplates(caseRef)).toEqual(['official-letter-replied@1']);
  });

  it('should send a returned and revised confidential letter by hand, not through the exchange', async () => {
    // given
    const caseRef = 'SAFP-LTR-0002';
    const key = await h.startApplication(
      processId,
      draft(caseRef, { classification: 'confidential' }),
    );

    // when the head returns it, the drafter revises, and the chain approves and signs
    await decide(key, 'approveSection', 'approve');
    await decide(key, 'signByHead', 'return');
    const revise = await h.waitForUserTask(key, 'revise');
    await h.t.engine.completeUserTask({
      key: revise,
      variables: { subject: 'Pedido de parecer (revisto)' },
    });
    await decide(key, 'approveSection', 'approve');
    await decide(key, 'signByHead', 'approve');
    const delivery = await h.waitForUserTask(key, 'deliverByHand');
    await h.t.engine.completeUserTask({
      key: delivery,
      variables: { receivedBy: 'Chefe DSAJ', deliveredOn: '2026-11-30', receiptNumber: 'R-88' },
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'In approval',
      'Awaiting signature',
      'Returned for changes',
      'In approval',
      'Awaiting signature',
      'Delivered by hand',
    ]);
    expect(await h.t.elementTrail(key)).toContain('endByHand:ELEMENT_COMPLETED');
    expect(await h.letters({ caseRef })).toEqual([]);
  });

  it('should let the registry deliver by hand a letter the receiver refused at the exchange', async () => {
    // given the receiving department's mailbox refuses deliveries
    const caseRef = 'SAFP-LTR-0004';
    await h.setMailbox('DSF', false, 'DSF registry system offline');
    const key = await h.startApplication(processId, draft(caseRef, { receiverDepartment: 'DSF' }));
    await decide(key, 'approveSection', 'approve');
    await decide(key, 'signByHead', 'approve');

    // when the registry records that it delivered the letter by hand
    const failed = await recordDeliveryByOtherMeans(h, key, 'hand', 'R-91');
    const state = await h.waitForEnd(key);
    await h.setMailbox('DSF', true);

    // then no incident, no registration at the exchange, and the case keeps how it was delivered
    expect(state).toBe('COMPLETED');
    expect(await h.candidateGroups(failed)).toEqual(['registry-confidential']);
    expect(await h.t.elementTrail(key)).toContain('endOtherMeans:ELEMENT_COMPLETED');
    expect((await h.t.finalVariables(key)).exchange).toMatchObject({
      status: 'DELIVERED_OTHERWISE',
      deliveryFailure: { reason: 'DSF registry system offline' },
      otherMeans: { method: 'hand', reference: 'R-91' },
    });
    const [letter] = await h.letters({ caseRef });
    expect(letter).toMatchObject({ status: 'SENT', registrationNumber: null });
  });

  it('should tell the drafter when the section chief does not approve', async () => {
    // given
    const caseRef = 'SAFP-LTR-0003';
    const key = await h.startApplication(processId, draft(caseRef));

    // when
    await decide(key, 'approveSection', 'reject');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRejected:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['official-letter-rejected@1']);
  });
});
