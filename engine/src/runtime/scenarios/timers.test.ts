import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`timers (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should wait at a timer catch event for its duration', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'wait',
        [el.start('s'), el.timerCatch('cool-off', 'timeDuration', 'PT10M'), el.end('e')],
        [
          ['s', 'cool-off'],
          ['cool-off', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'wait' });

    // when
    await t.advance(9 * 60_000);
    const early = await t.instanceState(processInstanceKey);
    await t.advance(60_000);

    // then
    expect(early).toBe('ACTIVE');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should interrupt a task with a boundary timer', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'deadline',
        [
          el.start('s'),
          el.service('review', 'review'),
          el.boundaryTimer('late', 'review', 'timeDuration', 'P10D'),
          el.service('escalate', 'escalate'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'review'],
          ['review', 'e1'],
          ['late', 'escalate'],
          ['escalate', 'e2'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'deadline',
    });

    // when
    await t.advance(10 * 24 * 3600_000);

    // then
    expect(await t.completeJobs('review')).toBe(0);
    expect(await t.completeJobs('escalate')).toBe(1);
    expect(await t.elementTrail(processInstanceKey)).toContain('review:ELEMENT_TERMINATED');
  });

  it('should remind with a non-interrupting timer cycle while the task goes on', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'remind',
        [
          el.start('s'),
          el.service('review', 'review'),
          el.boundaryTimer('reminder', 'review', 'timeCycle', 'R2/PT1H', false),
          el.service('notify', 'notify'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'review'],
          ['review', 'e1'],
          ['reminder', 'notify'],
          ['notify', 'e2'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'remind',
    });

    // when: three hours pass; the cycle fires twice only
    await t.advance(3600_000);
    await t.advance(3600_000);
    await t.advance(3600_000);

    // then
    expect(await t.completeJobs('notify')).toBe(2);
    expect(await t.completeJobs('review')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should start instances from a timer start event and cancel the old timer on a new version', async () => {
    // given
    const { t } = ctx;
    const scan = (type: string) =>
      bpmn(
        'eligibility-scan',
        [
          el.start(
            'every-day',
            '<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>',
          ),
          el.service('scan', type),
          el.end('e'),
        ],
        [
          ['every-day', 'scan'],
          ['scan', 'e'],
        ],
      );
    await t.deployProcess(scan('scan-v1'));

    // when
    await t.advance(24 * 3600_000);
    await t.advance(24 * 3600_000);
    await t.deployProcess(scan('scan-v2'));
    await t.advance(24 * 3600_000);

    // then
    expect(await t.completeJobs('scan-v1')).toBe(2);
    expect(await t.completeJobs('scan-v2')).toBe(1);
  });

  it('should take the first event after an event-based gateway and close the others', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'co-sign',
        [
          el.start('s'),
          el.eventGateway('wait'),
          el.messageCatch('signed', 'Msg_Sign'),
          el.timerCatch('expired', 'timeDuration', 'P30D'),
          el.service('book', 'book'),
          el.service('withdraw', 'withdraw'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'wait'],
          ['wait', 'signed'],
          ['wait', 'expired'],
          ['signed', 'book'],
          ['expired', 'withdraw'],
          ['book', 'e1'],
          ['withdraw', 'e2'],
        ],
        el.message('Msg_Sign', 'co-signed', '=caseRef'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'co-sign',
      variables: { caseRef: 'm1' },
    });

    // when
    await t.engine.publishMessage({
      name: 'co-signed',
      correlationKey: 'm1',
      timeToLive: 0,
      messageId: '',
      variables: { signedBy: 'spouse B' },
    });
    await t.advance(31 * 24 * 3600_000);

    // then
    const [job] = await t.engine.activateJobs({
      type: 'book',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(job!.variables).toMatchObject({ signedBy: 'spouse B' });
    expect(await t.completeJobs('withdraw')).toBe(0);
    const timers = await t.db.query(
      'select key from engine_timer where process_instance_key = $1',
      [processInstanceKey],
    );
    expect(timers.rowCount).toBe(0);
  });
});
