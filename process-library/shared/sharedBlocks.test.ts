import { bpmn, el } from '@balcao/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../src/scenario/ScenarioHarness';

let h: ScenarioHarness;

/** A caller as a service would model it: one call activity, a boundary per error code. */
function caller(id: string, calledId: string, inputs: [string, string][], errors: string[]) {
  const call = `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${calledId}" propagateAllChildVariables="false" />${el.io(inputs, [['=payment', 'payment']])}</bpmn:extensionElements></bpmn:callActivity>`;
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
          ['P14D', 'reactionDeadline'],
        ],
        ['DEEMED_WITHDRAWN'],
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
});
