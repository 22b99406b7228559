import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const sub = (id: string, inner: string[], flows: string, attrs = '') =>
  `<bpmn:subProcess id="${id}"${attrs}>${inner.join('')}${flows}</bpmn:subProcess>`;
const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

describe(`sub-processes (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should run an embedded sub-process as a scope with its own variables', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'nested',
        [
          el.start('s'),
          sub(
            'check',
            [
              el.start('in'),
              el.service('verify', 'verify', el.io([['="local"', 'scoped']])),
              el.end('out'),
            ],
            flow('f1', 'in', 'verify') + flow('f2', 'verify', 'out'),
          ),
          el.service('after', 'after'),
          el.end('e'),
        ],
        [
          ['s', 'check'],
          ['check', 'after'],
          ['after', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'nested',
    });

    // when
    const [job] = await t.engine.activateJobs({
      type: 'verify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    await t.engine.completeJob(job!.key, { verified: true });

    // then
    expect(job!.variables).toEqual({ scoped: 'local' });
    const [after] = await t.engine.activateJobs({
      type: 'after',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(after!.variables).toEqual({ verified: true });
    await t.engine.completeJob(after!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.elementTrail(processInstanceKey)).toContain('check:ELEMENT_COMPLETED');
  });

  it('should catch an error thrown inside a sub-process with a boundary event on the sub-process', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'sub-error',
        [
          el.start('s'),
          sub(
            'check',
            [el.start('in'), el.service('verify', 'verify'), el.end('out')],
            flow('f1', 'in', 'verify') + flow('f2', 'verify', 'out'),
          ),
          el.boundaryError('failed', 'check', 'Err'),
          el.service('fallback', 'fallback'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'check'],
          ['check', 'e1'],
          ['failed', 'fallback'],
          ['fallback', 'e2'],
        ],
        el.error('Err', 'NOT_FOUND'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'sub-error',
    });
    const [job] = await t.engine.activateJobs({
      type: 'verify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({ jobKey: job!.key, errorCode: 'NOT_FOUND' });

    // then
    expect(await t.completeJobs('fallback')).toBe(1);
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('verify:ELEMENT_TERMINATED');
    expect(trail).toContain('check:ELEMENT_TERMINATED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should end only its own scope at a terminate end event inside a sub-process', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'sub-terminate',
        [
          el.start('s'),
          sub(
            'inner',
            [
              el.start('in'),
              el.and('fork'),
              el.service('slow', 'slow'),
              el.end('stop', '<bpmn:terminateEventDefinition />'),
            ],
            flow('f1', 'in', 'fork') + flow('f2', 'fork', 'slow') + flow('f3', 'fork', 'stop'),
          ),
          el.service('after', 'after'),
          el.end('e'),
        ],
        [
          ['s', 'inner'],
          ['inner', 'after'],
          ['after', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'sub-terminate',
    });

    // then
    expect(await t.completeJobs('after')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should interrupt the scope with an error event sub-process', async () => {
    // given
    const { t } = ctx;
    const esp = sub(
      'on-error',
      [
        el.start('caught', '<bpmn:errorEventDefinition errorRef="Err" />'),
        el.service('handle', 'handle'),
        el.end('handled'),
      ],
      flow('f1', 'caught', 'handle') + flow('f2', 'handle', 'handled'),
      ' triggeredByEvent="true"',
    );
    await t.deployProcess(
      bpmn(
        'esp-error',
        [
          el.start('s'),
          el.and('fork'),
          el.service('a', 'a'),
          el.service('b', 'b'),
          el.end('e1'),
          el.end('e2'),
          esp,
        ],
        [
          ['s', 'fork'],
          ['fork', 'a'],
          ['fork', 'b'],
          ['a', 'e1'],
          ['b', 'e2'],
        ],
        el.error('Err', 'REJECTED'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'esp-error',
    });
    const [job] = await t.engine.activateJobs({
      type: 'a',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({ jobKey: job!.key, errorCode: 'REJECTED' });

    // then
    expect(await t.completeJobs('b')).toBe(0);
    expect(await t.completeJobs('handle')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should run a non-interrupting timer event sub-process beside the main flow, repeatedly', async () => {
    // given
    const { t } = ctx;
    const esp = sub(
      'reminders',
      [
        el
          .start(
            'tick',
            '<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>',
          )
          .replace(
            '<bpmn:startEvent id="tick">',
            '<bpmn:startEvent id="tick" isInterrupting="false">',
          ),
        el.service('remind', 'remind'),
        el.end('sent'),
      ],
      flow('f1', 'tick', 'remind') + flow('f2', 'remind', 'sent'),
      ' triggeredByEvent="true"',
    );
    await t.deployProcess(
      bpmn(
        'esp-timer',
        [el.start('s'), el.service('work', 'work'), el.end('e'), esp],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'esp-timer',
    });

    // when
    for (let day = 0; day < 4; day++) await t.advance(24 * 3600_000);

    // then
    expect(await t.completeJobs('remind')).toBe(3);
    expect(await t.completeJobs('work')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should interrupt the process with a message event sub-process', async () => {
    // given
    const { t } = ctx;
    const esp = sub(
      'withdrawal',
      [
        el.start('withdrawn', '<bpmn:messageEventDefinition messageRef="Msg" />'),
        el.service('archive', 'archive'),
        el.end('archived'),
      ],
      flow('f1', 'withdrawn', 'archive') + flow('f2', 'archive', 'archived'),
      ' triggeredByEvent="true"',
    );
    await t.deployProcess(
      bpmn(
        'esp-message',
        [el.start('s'), el.service('work', 'work'), el.end('e'), esp],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
        el.message('Msg', 'withdraw', '=caseRef'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'esp-message',
      variables: { caseRef: 'w1' },
    });

    // when
    await t.engine.publishMessage({
      name: 'withdraw',
      correlationKey: 'w1',
      timeToLive: 0,
      messageId: '',
      variables: { reason: 'moved abroad' },
    });

    // then
    const [job] = await t.engine.activateJobs({
      type: 'archive',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(job!.variables).toMatchObject({ reason: 'moved abroad' });
    expect(await t.completeJobs('work')).toBe(0);
    await t.engine.completeJob(job!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
