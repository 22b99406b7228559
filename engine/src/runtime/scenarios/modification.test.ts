import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

const stuck = bpmn(
  'stuck',
  [
    el.start('s'),
    el.service('A', 'A'),
    el.messageCatch('B', 'Msg_reply'),
    el.service('C', 'C'),
    `<bpmn:subProcess id="sub"><bpmn:startEvent id="ss" /><bpmn:serviceTask id="D"><bpmn:extensionElements><zeebe:taskDefinition type="D" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="se" /><bpmn:sequenceFlow id="f1" sourceRef="ss" targetRef="D" /><bpmn:sequenceFlow id="f2" sourceRef="D" targetRef="se" /></bpmn:subProcess>`,
    el.end('e'),
  ],
  [
    ['s', 'A'],
    ['A', 'B'],
    ['B', 'C'],
    ['C', 'sub'],
    ['sub', 'e'],
  ],
  el.message('Msg_reply', 'reply', '=caseId'),
);

async function waitingAtB(t: TestEngine) {
  await t.deployProcess(stuck);
  const { processInstanceKey } = await t.engine.createProcessInstance({
    bpmnProcessId: 'stuck',
    variables: { caseId: 'c-1' },
  });
  await t.completeJobs('A');
  const b = (
    await t.db.query<{ key: number }>(
      "select key from engine_element_instance where element_id = 'B'",
    )
  ).rows[0]!;
  return { processInstanceKey, b: b.key };
}

describe(`process instance modification (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should move the token: terminate the waiting catch event and activate the next task with variables', async () => {
    // given
    const { t } = ctx;
    const { processInstanceKey, b } = await waitingAtB(t);

    // when
    await t.engine.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [
        { elementId: 'C', variableInstructions: [{ variables: { reply: 'by phone' } }] },
      ],
      terminateInstructions: [{ elementInstanceKey: b }],
    });

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('B:ELEMENT_TERMINATED');
    expect(trail).toContain('C:ELEMENT_ACTIVATED');
    expect((await t.db.query('select key from engine_message_subscription')).rows).toEqual([]);
    expect(await t.variables(processInstanceKey)).toMatchObject({ reply: 'by phone' });
    expect(await t.completeJobs('C')).toBe(1);
    expect(await t.completeJobs('D')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should create the sub-process an element needs without entering its start event', async () => {
    // given
    const { t } = ctx;
    const { processInstanceKey, b } = await waitingAtB(t);

    // when
    await t.engine.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [
        { elementId: 'D', variableInstructions: [{ scopeId: 'sub', variables: { note: 'x' } }] },
      ],
      terminateInstructions: [{ elementInstanceKey: b }],
    });

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('sub:ELEMENT_ACTIVATED');
    expect(trail).not.toContain('ss:ELEMENT_ACTIVATING');
    const [d] = await t.engine.activateJobs({
      type: 'D',
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(d!.variables).toMatchObject({ note: 'x' });
    expect(await t.variables(processInstanceKey)).not.toHaveProperty('note');
    await t.engine.completeJob(d!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should terminate the process instance when its last element instance is terminated', async () => {
    // given
    const { t } = ctx;
    const { processInstanceKey, b } = await waitingAtB(t);

    // when
    await t.engine.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [],
      terminateInstructions: [{ elementInstanceKey: b }],
    });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('TERMINATED');
    expect((await t.elementTrail(processInstanceKey)).at(-1)).toBe('stuck:ELEMENT_TERMINATED');
  });

  it('should reject instructions it cannot apply, naming the element, and change nothing', async () => {
    // given
    const { t } = ctx;
    const { processInstanceKey, b } = await waitingAtB(t);
    const before = (await t.events(processInstanceKey)).length;
    const modify = (instructions: Partial<Parameters<typeof t.engine.modifyProcessInstance>[0]>) =>
      t.engine.modifyProcessInstance({
        processInstanceKey,
        activateInstructions: [],
        terminateInstructions: [],
        ...instructions,
      });

    // then
    await expect(
      modify({
        activateInstructions: [{ elementId: 'C' }, { elementId: 'nowhere' }],
        terminateInstructions: [{ elementInstanceKey: b }],
      }),
    ).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      message: expect.stringContaining("could not be found: 'nowhere'"),
    });
    await expect(modify({ activateInstructions: [{ elementId: 'ss' }] })).rejects.toThrow(
      "element 'ss': start events cannot be activated",
    );
    await expect(
      modify({
        activateInstructions: [
          { elementId: 'C', variableInstructions: [{ scopeId: 'sub', variables: {} }] },
        ],
      }),
    ).rejects.toThrow("scope 'sub', which is not a flow scope of element 'C'");
    await expect(modify({ terminateInstructions: [{ elementInstanceKey: 42 }] })).rejects.toThrow(
      "could not be found: '42'",
    );
    expect((await t.events(processInstanceKey)).length).toBe(before);
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
  });
});
