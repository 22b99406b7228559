import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const call = (id: string, processId: string, ext = '') =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}" ${ext} />${''}</bpmn:extensionElements></bpmn:callActivity>`;

const payment = bpmn(
  'payment',
  [el.start('ps'), el.service('charge', 'charge'), el.end('pe')],
  [
    ['ps', 'charge'],
    ['charge', 'pe'],
  ],
);

describe(`call activities (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should call a process with the caller variables and return the child variables', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      { name: 'payment.bpmn', xml: payment },
      {
        name: 'apply.bpmn',
        xml: bpmn(
          'apply',
          [
            el.start('s'),
            call('pay', 'payment', 'propagateAllChildVariables="true"'),
            el.service('issue', 'issue'),
            el.end('e'),
          ],
          [
            ['s', 'pay'],
            ['pay', 'issue'],
            ['issue', 'e'],
          ],
        ),
      },
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'apply',
      variables: { amount: 60 },
    });

    // when
    const [charge] = await t.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    await t.engine.completeJob(charge!.key, { receipt: 'R-1' });

    // then
    expect(charge!.variables).toEqual({ amount: 60 });
    expect(charge!.bpmnProcessId).toBe('payment');
    expect(charge!.processInstanceKey).not.toBe(processInstanceKey);
    const [issue] = await t.engine.activateJobs({
      type: 'issue',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(issue!.variables).toEqual({ amount: 60, receipt: 'R-1' });
    await t.engine.completeJob(issue!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should pass only mapped variables when propagation is off', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      { name: 'payment.bpmn', xml: payment },
      {
        name: 'apply.bpmn',
        xml: bpmn(
          'apply',
          [
            el.start('s'),
            call(
              'pay',
              'payment',
              'propagateAllChildVariables="false" propagateAllParentVariables="false"',
            ).replace(
              '</bpmn:extensionElements>',
              `${el.io([['=fee', 'amount']], [['=receipt', 'paymentReceipt']])}</bpmn:extensionElements>`,
            ),
            el.service('issue', 'issue'),
            el.end('e'),
          ],
          [
            ['s', 'pay'],
            ['pay', 'issue'],
            ['issue', 'e'],
          ],
        ),
      },
    );
    await t.engine.createProcessInstance({
      bpmnProcessId: 'apply',
      variables: { fee: 90, secret: 'x' },
    });

    // when
    const [charge] = await t.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    await t.engine.completeJob(charge!.key, { receipt: 'R-2', internal: true });

    // then
    expect(charge!.variables).toEqual({ amount: 90 });
    const [issue] = await t.engine.activateJobs({
      type: 'issue',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(issue!.variables).toEqual({ fee: 90, secret: 'x', paymentReceipt: 'R-2' });
  });

  it('should raise an incident when the called process is not deployed', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'apply',
        [el.start('s'), call('pay', 'payment'), el.end('e')],
        [
          ['s', 'pay'],
          ['pay', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'apply' });
    const [incident] = await t.incidents(processInstanceKey);
    await t.deploy({ name: 'payment.bpmn', xml: payment });
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'pay' });
    expect(await t.completeJobs('charge')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should cancel the child when the parent is cancelled', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      { name: 'payment.bpmn', xml: payment },
      {
        name: 'apply.bpmn',
        xml: bpmn(
          'apply',
          [el.start('s'), call('pay', 'payment'), el.end('e')],
          [
            ['s', 'pay'],
            ['pay', 'e'],
          ],
        ),
      },
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'apply' });
    const child = (
      await t.db.query<{ key: number }>(
        'select key from engine_process_instance where parent_instance_key = $1',
        [processInstanceKey],
      )
    ).rows[0]!;

    // when
    await expect(t.engine.cancelProcessInstance(child.key)).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
    });
    await t.engine.cancelProcessInstance(processInstanceKey);

    // then
    expect(await t.instanceState(child.key)).toBe('TERMINATED');
    expect(await t.instanceState(processInstanceKey)).toBe('TERMINATED');
    expect(await t.completeJobs('charge')).toBe(0);
  });

  it('should let an error thrown in the called process be caught at the call activity', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      { name: 'payment.bpmn', xml: payment },
      {
        name: 'apply.bpmn',
        xml: bpmn(
          'apply',
          [
            el.start('s'),
            call('pay', 'payment'),
            el.boundaryError('declined', 'pay', 'Err'),
            el.service('retry-pay', 'retry-pay'),
            el.end('e'),
            el.end('e2'),
          ],
          [
            ['s', 'pay'],
            ['pay', 'e'],
            ['declined', 'retry-pay'],
            ['retry-pay', 'e2'],
          ],
          el.error('Err', 'CARD_DECLINED'),
        ),
      },
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'apply' });
    const [charge] = await t.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({ jobKey: charge!.key, errorCode: 'CARD_DECLINED' });

    // then
    expect(await t.completeJobs('retry-pay')).toBe(1);
    expect(await t.instanceState(charge!.processInstanceKey)).toBe('TERMINATED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
