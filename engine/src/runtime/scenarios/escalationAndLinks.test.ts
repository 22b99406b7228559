import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const sub = (id: string, inner: string[], flows: string, attrs = '') =>
  `<bpmn:subProcess id="${id}"${attrs}>${inner.join('')}${flows}</bpmn:subProcess>`;
const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const escalationThrow = (id: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:escalationEventDefinition escalationRef="Esc" /></bpmn:intermediateThrowEvent>`;
const escalationBoundary = (id: string, attachedTo: string, interrupting: boolean) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition escalationRef="Esc" /></bpmn:boundaryEvent>`;
const escalation = '<bpmn:escalation id="Esc" name="Late" escalationCode="LATE" />';

describe(`escalations and links (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  const escalating = (interrupting: boolean) =>
    bpmn(
      'escalate',
      [
        el.start('s'),
        sub(
          'case',
          [
            el.start('in'),
            escalationThrow('late'),
            el.service('continue', 'continue'),
            el.end('out'),
          ],
          flow('f1', 'in', 'late') + flow('f2', 'late', 'continue') + flow('f3', 'continue', 'out'),
        ),
        escalationBoundary('supervisor', 'case', interrupting),
        el.service('notify-supervisor', 'notify-supervisor'),
        el.end('e1'),
        el.end('e2'),
      ],
      [
        ['s', 'case'],
        ['case', 'e1'],
        ['supervisor', 'notify-supervisor'],
        ['notify-supervisor', 'e2'],
      ],
      escalation,
    );

  it('should let a non-interrupting escalation boundary run beside the sub-process', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(escalating(false));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'escalate',
    });

    // then
    expect(await t.completeJobs('notify-supervisor')).toBe(1);
    expect(await t.completeJobs('continue')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should interrupt the sub-process with an interrupting escalation boundary', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(escalating(true));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'escalate',
    });

    // then
    expect(await t.completeJobs('continue')).toBe(0);
    expect(await t.completeJobs('notify-supervisor')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should go on when nothing catches an escalation', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'uncaught',
        [el.start('s'), escalationThrow('late'), el.end('e')],
        [
          ['s', 'late'],
          ['late', 'e'],
        ],
        escalation,
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'uncaught',
    });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should jump from a link throw event to the catch link of the same name', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'links',
        [
          el.start('s'),
          '<bpmn:intermediateThrowEvent id="goto"><bpmn:linkEventDefinition name="B" /></bpmn:intermediateThrowEvent>',
          '<bpmn:intermediateCatchEvent id="B-in"><bpmn:linkEventDefinition name="B" /></bpmn:intermediateCatchEvent>',
          el.service('after', 'after'),
          el.end('e'),
        ],
        [
          ['s', 'goto'],
          ['B-in', 'after'],
          ['after', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'links' });

    // then
    expect(await t.completeJobs('after')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
