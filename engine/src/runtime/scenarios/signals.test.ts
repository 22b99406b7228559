import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const signal = '<bpmn:signal id="Sig" name="office-closed" />';
const signalCatch = (id: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:signalEventDefinition signalRef="Sig" /></bpmn:intermediateCatchEvent>`;

describe(`signals (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should trigger every waiting catch event and start processes with a signal start event', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'wait.bpmn',
        xml: bpmn(
          'wait-signal',
          [el.start('s'), signalCatch('closed'), el.service('after', 'after'), el.end('e')],
          [
            ['s', 'closed'],
            ['closed', 'after'],
            ['after', 'e'],
          ],
          signal,
        ),
      },
      {
        name: 'start.bpmn',
        xml: bpmn(
          'on-signal',
          [
            el.start('go', '<bpmn:signalEventDefinition signalRef="Sig" />'),
            el.service('react', 'react'),
            el.end('e'),
          ],
          [
            ['go', 'react'],
            ['react', 'e'],
          ],
          signal,
        ),
      },
    );
    await t.engine.createProcessInstance({ bpmnProcessId: 'wait-signal' });
    await t.engine.createProcessInstance({ bpmnProcessId: 'wait-signal' });

    // when
    await t.engine.broadcastSignal({
      signalName: 'office-closed',
      variables: { reason: 'typhoon signal 8' },
    });

    // then
    const jobs = await t.engine.activateJobs({
      type: 'after',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });
    expect(jobs.map((j) => j.variables.reason)).toEqual(['typhoon signal 8', 'typhoon signal 8']);
    expect(await t.completeJobs('react')).toBe(1);
  });

  it('should broadcast a signal thrown by a throw event, once', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'wait.bpmn',
        xml: bpmn(
          'wait-signal',
          [el.start('s'), signalCatch('closed'), el.end('e')],
          [
            ['s', 'closed'],
            ['closed', 'e'],
          ],
          signal,
        ),
      },
      {
        name: 'throw.bpmn',
        xml: bpmn(
          'close-office',
          [
            el.start('s'),
            '<bpmn:intermediateThrowEvent id="announce"><bpmn:signalEventDefinition signalRef="Sig" /></bpmn:intermediateThrowEvent>',
            el.end('e'),
          ],
          [
            ['s', 'announce'],
            ['announce', 'e'],
          ],
          signal,
        ),
      },
    );
    const waiting = await t.engine.createProcessInstance({ bpmnProcessId: 'wait-signal' });

    // when
    await t.engine.createProcessInstance({ bpmnProcessId: 'close-office' });
    await t.engine.runDueWork();
    await t.engine.runDueWork();

    // then
    expect(await t.instanceState(waiting.processInstanceKey)).toBe('COMPLETED');
    const broadcasts = (await t.events()).filter(
      (e) => e.valueType === 'SIGNAL' && e.intent === 'BROADCASTED',
    );
    expect(broadcasts).toHaveLength(1);
  });

  it('should interrupt an activity with a signal boundary event', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'interruptible',
        [
          el.start('s'),
          el.service('work', 'work'),
          '<bpmn:boundaryEvent id="stop" attachedToRef="work"><bpmn:signalEventDefinition signalRef="Sig" /></bpmn:boundaryEvent>',
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'work'],
          ['work', 'e1'],
          ['stop', 'e2'],
        ],
        signal,
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'interruptible',
    });

    // when
    await t.engine.broadcastSignal({ signalName: 'office-closed' });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.completeJobs('work')).toBe(0);
  });
});
