import { bpmn, el } from '@balcao/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeliveryByOtherMeans, resendOnceAccepted } from '../src/scenario/deliveryFailures';
import { ScenarioHarness } from '../src/scenario/ScenarioHarness';

let h: ScenarioHarness;

/** A caller as a service would model it: one call activity, a boundary per error code. */
function caller(
  id: string,
  calledId: string,
  inputs: [string, string][],
  errors: string[],
  outputs: [string, string][] = [['=payment', 'payment']],
) {
  const call = `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${calledId}" propagateAllChildVariables="false" />${el.io(inputs, outputs)}</bpmn:extensionElements></bpmn:callActivity>`;
  return bpmn(
    id,
    [
      el.start('start'),
      call,
      el.end('done'),
      ...errors.flatMap((code) => [
        el.boundaryError(`on_${code}`, 'call', `Error_${code}`),
        el.end(`caught_${code}`),
      ]),
    ],
    [
      ['start', 'call'],
      ['call', 'done'],
      ...errors.map((code): [string, string] => [`on_${code}`, `caught_${code}`]),
    ],
    errors.map((code) => el.error(`Error_${code}`, code)).join(''),
  );
}

const paymentInputs: [string, string][] = [
  ['=caseRef', 'caseRef'],
  ['=language', 'language'],
  ['=60', 'amountMop'],
  ['=[{ description: "Fee", amountMop: 60 }]', 'items'],
  ['Fee', 'paymentDescription'],
  ['P7D', 'paymentDeadline'],
];

beforeAll(async () => {
  h = await ScenarioHarness.start();
  await h.t.deploy(
    {
      name: 'pay-caller.bpmn',
      xml: caller('pay-caller', 'balcao-payment', paymentInputs, [
        'PAYMENT_FAILED',
        'PAYMENT_DEADLINE_PASSED',
      ]),
    },
    {
      name: 'info-caller.bpmn',
      xml: caller(
        'info-caller',
        'balcao-request-information',
        [
          ['=caseRef', 'caseRef'],
          ['=applicantAccount', 'applicantAccount'],
          ['=missingItems', 'missingItems'],
        ],
        ['DEEMED_WITHDRAWN'],
      ),
    },
    {
      name: 'exchange-caller.bpmn',
      xml: caller(
        'exchange-caller',
        'balcao-exchange-document',
        [
          ['=caseRef', 'caseRef'],
          ['DSAJ', 'senderDepartment'],
          ['=receiver', 'receiverDepartment'],
          ['=caseRef', 'fileReference'],
          ['=caseRef', 'letterNumber'],
          ['DSAJ', 'signer'],
          ['Test letter', 'subject'],
          ['dsaj-registry-clerks', 'deliveryClerks'],
        ],
        [],
        [['=exchange', 'exchange']],
      ),
    },
  );
});

afterAll(async () => {
  await h.close();
});

describe('balcao-payment', () => {
  it('should open a new payment after a failed one and finish when it is paid', async () => {
    // given
    const key = await h.startApplication('pay-caller', { caseRef: 'PAY-0001', language: 'en' });

    // when
    await h.settlePayment(key, 'fail');
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('done:ELEMENT_COMPLETED');
    expect((await h.t.finalVariables(key)).payment).toMatchObject({ status: 'completed' });
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Awaiting payment',
      'Awaiting payment',
    ]);
  });

  it('should throw PAYMENT_FAILED to the caller after three failed payments', async () => {
    // given
    const key = await h.startApplication('pay-caller', { caseRef: 'PAY-0002', language: 'en' });

    // when
    for (let attempt = 0; attempt < 3; attempt++) await h.settlePayment(key, 'fail');
    await h.waitForEnd(key);

    // then
    expect(await h.t.elementTrail(key)).toContain('caught_PAYMENT_FAILED:ELEMENT_COMPLETED');
  });

  it('should throw PAYMENT_DEADLINE_PASSED to the caller when nobody pays in time', async () => {
    // given
    const key = await h.startApplication('pay-caller', { caseRef: 'PAY-0003', language: 'en' });
    await h.waitForElement(key, 'waitPayment');

    // when
    await h.t.advance(8 * 24 * 3_600_000);
    await h.waitForEnd(key);

    // then
    expect(await h.t.elementTrail(key)).toContain(
      'caught_PAYMENT_DEADLINE_PASSED:ELEMENT_COMPLETED',
    );
  });
});

describe('balcao-request-information', () => {
  it('should continue the caller when the applicant answers in the task', async () => {
    // given
    const key = await h.startApplication('info-caller', {
      caseRef: 'INFO-0001',
      applicantAccount: 'citizen-P0001',
      missingItems: 'Proof of address',
    });
    const task = await h.waitForUserTask(key, 'provide');

    // when
    await h.t.engine.completeUserTask({ key: task, variables: { reply: 'Attached' } });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('done:ELEMENT_COMPLETED');
    const assignee = await h.t.db.query<{ assignee: string }>(
      'select assignee from engine_user_task where key = $1',
      [task],
    );
    expect(assignee.rows[0]?.assignee).toBe('citizen-P0001');
  });

  it('should give 10 working days, skipping a weekend and holidays, then deem the application withdrawn', async () => {
    // given a request made on Friday 13 February 2026, before the Lunar New Year (17-19)
    h.t.clock.set('2026-02-13T16:30:00+08:00');
    const key = await h.startApplication('info-caller', {
      caseRef: 'INFO-0002',
      applicantAccount: 'citizen-P0001',
      missingItems: 'Proof of address',
    });
    const task = await h.waitForUserTask(key, 'provide');

    // when the clock reaches the last hour of the deadline, then passes it
    const due = await h.t.db.query<{ ms: string }>(
      'select extract(epoch from due_date::timestamptz) * 1000 as ms from engine_user_task where key = $1',
      [task],
    );
    await h.t.advance(Date.parse('2026-03-04T23:00:00+08:00') - h.t.clock.now());
    const beforeDeadline = await h.t.instanceState(key);
    await h.t.advance(2 * 3_600_000);
    await h.waitForEnd(key);

    // then the deadline is Wednesday 4 March (calendar days would have said 27 February)
    expect(Number(due.rows[0]?.ms)).toBe(Date.parse('2026-03-04T23:59:59+08:00'));
    expect(beforeDeadline).toBe('ACTIVE');
    expect(await h.t.elementTrail(key)).toContain('caught_DEEMED_WITHDRAWN:ELEMENT_COMPLETED');
  });
});

describe('balcao-exchange-document', () => {
  /** Sends a letter to `receiver`, whose mailbox refuses it, and waits for the clerk's task. */
  async function refusedLetter(caseRef: string, receiver: string) {
    await h.setMailbox(receiver, false, `${receiver} registry offline`);
    const key = await h.startApplication('exchange-caller', { caseRef, receiver });
    const task = await h.waitForUserTask(key, 'resolveFailure');
    return { key, task };
  }

  it('should end with the delivery evidence when the letter is delivered', async () => {
    // given
    const key = await h.startApplication('exchange-caller', {
      caseRef: 'EXC-0001',
      receiver: 'DSI',
    });

    // when
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.t.finalVariables(key)).exchange).toMatchObject({
      status: 'DELIVERED',
      evidence: { receiptId: expect.stringMatching(/^RCPT-/) },
    });
  });

  it('should ask the sending clerks what to do when the receiver refuses the letter', async () => {
    // when
    const { key, task } = await refusedLetter('EXC-0002', 'FP');

    // then the clerks of the sending agency get the task, with the reason, and nothing is lost
    expect(await h.candidateGroups(task)).toEqual(['dsaj-registry-clerks']);
    expect(await h.t.instanceState(key)).toBe('ACTIVE');
    const [letter] = await h.letters({ caseRef: 'EXC-0002' });
    expect(letter).toMatchObject({
      status: 'SENT',
      deliveryFailure: { reason: 'FP registry offline' },
    });
    await h.setMailbox('FP', true);
  });

  it('should send the same letter again when the clerk chooses to, and end delivered', async () => {
    // given
    const { key } = await refusedLetter('EXC-0003', 'IAS');

    // when the receiver accepts again and the clerk sends the letter again
    await resendOnceAccepted(h, key, 'IAS');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('done:ELEMENT_COMPLETED');
    const letters = await h.letters({ caseRef: 'EXC-0003' });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ status: 'DELIVERED', deliveryFailure: null });
    expect((await h.t.finalVariables(key)).exchange).toMatchObject({
      letterId: letters[0]?.id,
      status: 'DELIVERED',
    });
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Sent to the department',
      'Sent to the department',
    ]);
  });

  it('should record a delivery by other means and give it back to the caller', async () => {
    // given
    const { key } = await refusedLetter('EXC-0004', 'DSAT');

    // when
    await recordDeliveryByOtherMeans(h, key, 'hand', 'DSAT-RCPT-88');
    const state = await h.waitForEnd(key);
    await h.setMailbox('DSAT', true);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.t.finalVariables(key)).exchange).toMatchObject({
      status: 'DELIVERED_OTHERWISE',
      evidence: null,
      deliveryFailure: { reason: 'DSAT registry offline' },
      otherMeans: { method: 'hand', reference: 'DSAT-RCPT-88', note: '' },
    });
  });
});
