import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

/** A service task `id` (job type = id) that `undo-<id>` (job type = undo-<id>) compensates. */
const compensable = (id: string) => [
  el.service(id, id),
  `<bpmn:boundaryEvent id="${id}-undoable" attachedToRef="${id}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`,
  `<bpmn:serviceTask id="undo-${id}" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="undo-${id}" /></bpmn:extensionElements></bpmn:serviceTask>`,
  `<bpmn:association id="Association_${id}" associationDirection="One" sourceRef="${id}-undoable" targetRef="undo-${id}" />`,
];
const compensate = (id: string, activityRef?: string, tag = 'intermediateThrowEvent') =>
  `<bpmn:${tag} id="${id}"><bpmn:compensateEventDefinition${activityRef ? ` activityRef="${activityRef}"` : ''} /></bpmn:${tag}>`;

async function activated(t: TestEngine, processInstanceKey: number): Promise<string[]> {
  return (await t.elementTrail(processInstanceKey))
    .filter((e) => e.endsWith(':ELEMENT_ACTIVATED'))
    .map((e) => e.split(':')[0]!);
}

async function openSubscriptions(t: TestEngine): Promise<number> {
  const r = await t.db.query<{ n: number }>(
    'select count(*)::int as n from engine_compensation_subscription',
  );
  return r.rows[0]!.n;
}

describe(`compensation (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should undo what succeeded, the latest first, after a later step fails', async () => {
    // given: book A, book B, then charging fails with a BPMN error
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'trip',
        [
          el.start('s'),
          ...compensable('book-a'),
          ...compensable('book-b'),
          el.service('charge', 'charge'),
          `<bpmn:boundaryEvent id="declined" attachedToRef="charge"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
          compensate('undo-all', undefined, 'endEvent'),
          el.end('done'),
        ],
        [
          ['s', 'book-a'],
          ['book-a', 'book-b'],
          ['book-b', 'charge'],
          ['charge', 'done'],
          ['declined', 'undo-all'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'trip' });
    expect(await t.completeJobs('book-a')).toBe(1);
    expect(await t.completeJobs('book-b')).toBe(1);
    const [charge] = await t.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({ jobKey: charge!.key, errorCode: 'CARD_DECLINED' });

    // then: both handlers start at once, B's first; the end event waits for both
    const started = await activated(t, processInstanceKey);
    expect(started.filter((id) => id.startsWith('undo-'))).toEqual([
      'undo-all',
      'undo-book-b',
      'undo-book-a',
    ]);
    expect(await t.completeJobs('undo-book-b')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
    expect(await t.completeJobs('undo-book-a')).toBe(1);
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail.indexOf('undo-all:ELEMENT_COMPLETED')).toBeGreaterThan(
      trail.indexOf('undo-book-a:ELEMENT_COMPLETED'),
    );
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await openSubscriptions(t)).toBe(0);
  });

  it('should compensate only activities that completed', async () => {
    // given: A completes, B is still active when the compensation is thrown
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'half',
        [
          el.start('s'),
          el.and('fork'),
          ...compensable('book-a'),
          ...compensable('book-b'),
          compensate('undo'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'fork'],
          ['fork', 'book-a'],
          ['fork', 'book-b'],
          ['book-a', 'undo'],
          ['undo', 'e1'],
          ['book-b', 'e2'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'half' });

    // when
    expect(await t.completeJobs('book-a')).toBe(1);

    // then
    expect(await t.completeJobs('undo-book-b')).toBe(0);
    expect(await t.completeJobs('undo-book-a')).toBe(1);
    expect(await t.elementTrail(processInstanceKey)).toContain('undo:ELEMENT_COMPLETED');
    expect(await t.completeJobs('book-b')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await activated(t, processInstanceKey)).not.toContain('undo-book-b');
  });

  it('should compensate one activity at a time with activityRef', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'ordered',
        [
          el.start('s'),
          ...compensable('book-a'),
          ...compensable('book-b'),
          compensate('undo-b', 'book-b'),
          compensate('undo-a', 'book-a'),
          el.end('e'),
        ],
        [
          ['s', 'book-a'],
          ['book-a', 'book-b'],
          ['book-b', 'undo-b'],
          ['undo-b', 'undo-a'],
          ['undo-a', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'ordered',
    });
    await t.completeJobs('book-a');

    // when
    await t.completeJobs('book-b');

    // then: only B's handler runs until it is done
    expect(await t.completeJobs('undo-book-a')).toBe(0);
    expect(await t.completeJobs('undo-book-b')).toBe(1);
    expect(await t.completeJobs('undo-book-a')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should pass a compensation throw event when nothing is to be compensated', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'nothing',
        [el.start('s'), ...compensable('book-a'), compensate('undo'), el.end('e')],
        [
          ['s', 'undo'],
          ['undo', 'book-a'],
          ['book-a', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'nothing',
    });

    // then
    expect(await t.elementTrail(processInstanceKey)).toContain('undo:ELEMENT_COMPLETED');
    expect(await t.completeJobs('book-a')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should reach into a completed sub-process', async () => {
    // given: X before the sub-process; inside, A then a throw that undoes only the sub-process
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'nested',
        [
          el.start('s'),
          ...compensable('book-x'),
          `<bpmn:subProcess id="sub">
            <bpmn:startEvent id="ss" />
            ${compensable('book-a').join('\n')}
            ${compensable('book-c').join('\n')}
            <bpmn:endEvent id="se" />
            <bpmn:sequenceFlow id="f1" sourceRef="ss" targetRef="book-a" />
            <bpmn:sequenceFlow id="f2" sourceRef="book-a" targetRef="book-c" />
            <bpmn:sequenceFlow id="f3" sourceRef="book-c" targetRef="se" />
          </bpmn:subProcess>`,
          el.service('review', 'review'),
          compensate('undo-everything'),
          el.end('e'),
        ],
        [
          ['s', 'book-x'],
          ['book-x', 'sub'],
          ['sub', 'review'],
          ['review', 'undo-everything'],
          ['undo-everything', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'nested',
    });
    for (const type of ['book-x', 'book-a', 'book-c']) expect(await t.completeJobs(type)).toBe(1);
    // book-x, and the completed sub-process with book-a and book-c inside it
    expect(await openSubscriptions(t)).toBe(4);

    // when
    await t.completeJobs('review');

    // then: every handler, the latest completed first, including those inside the sub-process
    const started = (await activated(t, processInstanceKey)).filter((id) => id.startsWith('undo-'));
    expect(started).toEqual(['undo-everything', 'undo-book-c', 'undo-book-a', 'undo-book-x']);
    for (const type of ['undo-book-c', 'undo-book-a', 'undo-book-x'])
      expect(await t.completeJobs(type)).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should compensate only inside the sub-process when thrown there', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'inner',
        [
          el.start('s'),
          ...compensable('book-x'),
          `<bpmn:subProcess id="sub">
            <bpmn:startEvent id="ss" />
            ${compensable('book-a').join('\n')}
            ${compensate('undo-inside')}
            <bpmn:endEvent id="se" />
            <bpmn:sequenceFlow id="f1" sourceRef="ss" targetRef="book-a" />
            <bpmn:sequenceFlow id="f2" sourceRef="book-a" targetRef="undo-inside" />
            <bpmn:sequenceFlow id="f3" sourceRef="undo-inside" targetRef="se" />
          </bpmn:subProcess>`,
          el.end('e'),
        ],
        [
          ['s', 'book-x'],
          ['book-x', 'sub'],
          ['sub', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'inner' });
    await t.completeJobs('book-x');

    // when
    await t.completeJobs('book-a');

    // then
    expect(await t.completeJobs('undo-book-x')).toBe(0);
    expect(await t.completeJobs('undo-book-a')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await openSubscriptions(t)).toBe(0);
  });

  it('should compensate the outer scope from an error event sub-process', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'saga',
        [
          el.start('s'),
          ...compensable('book-a'),
          ...compensable('book-b'),
          el.service('charge', 'charge'),
          el.end('done'),
          `<bpmn:subProcess id="on-failure" triggeredByEvent="true">
            <bpmn:startEvent id="failed"><bpmn:errorEventDefinition /></bpmn:startEvent>
            ${compensate('roll-back', undefined, 'endEvent')}
            <bpmn:sequenceFlow id="f-r" sourceRef="failed" targetRef="roll-back" />
          </bpmn:subProcess>`,
        ],
        [
          ['s', 'book-a'],
          ['book-a', 'book-b'],
          ['book-b', 'charge'],
          ['charge', 'done'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'saga' });
    await t.completeJobs('book-a');
    await t.completeJobs('book-b');
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
    const started = (await activated(t, processInstanceKey)).filter((id) => id.startsWith('undo-'));
    expect(started).toEqual(['undo-book-b', 'undo-book-a']);
    expect(await t.completeJobs('undo-book-b')).toBe(1);
    expect(await t.completeJobs('undo-book-a')).toBe(1);
    expect(await t.elementTrail(processInstanceKey)).toContain('on-failure:ELEMENT_COMPLETED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should run the handler of a multi-instance activity once, after all its instances', async () => {
    // given: notify three agencies, then compensate
    const { t } = ctx;
    const notify = `<bpmn:serviceTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=agencies" inputElement="agency" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>`;
    const [, boundary, handler, link] = compensable('notify');
    await t.deployProcess(
      bpmn(
        'fan-out',
        [el.start('s'), notify, boundary!, handler!, link!, compensate('undo'), el.end('e')],
        [
          ['s', 'notify'],
          ['notify', 'undo'],
          ['undo', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'fan-out',
      variables: { agencies: ['DSI', 'FSS', 'DSF'] },
    });

    // when
    expect(await t.completeJobs('notify')).toBe(3);

    // then
    expect(await t.completeJobs('undo-notify')).toBe(1);
    expect(await t.completeJobs('undo-notify')).toBe(0);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should run a handler as often as its activity completed', async () => {
    // given: book-a runs twice (a loop back through a gateway) before the compensation
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'twice',
        [
          el.start('s'),
          ...compensable('book-a'),
          el.xor('again', 'Flow_done'),
          compensate('undo'),
          el.end('e'),
        ],
        [
          ['s', 'book-a'],
          ['book-a', 'again'],
          ['again', 'book-a', '=retry = true'],
          ['again', 'undo', undefined, 'Flow_done'],
          ['undo', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'twice',
    });
    await t.completeJobs('book-a', { retry: true });

    // when
    await t.completeJobs('book-a', { retry: false });

    // then
    expect(await t.completeJobs('undo-book-a')).toBe(2);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should drop the subscriptions of a cancelled instance', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'cancelled',
        [el.start('s'), ...compensable('book-a'), el.user('wait'), el.end('e')],
        [
          ['s', 'book-a'],
          ['book-a', 'wait'],
          ['wait', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'cancelled',
    });
    await t.completeJobs('book-a');
    expect(await openSubscriptions(t)).toBe(1);

    // when
    await t.engine.cancelProcessInstance(processInstanceKey);

    // then
    expect(await openSubscriptions(t)).toBe(0);
  });
});
