import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el, type Flow } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

async function deploy(t: TestEngine, elements: string[], flows: Flow[], extra = '') {
  const result = await t.deployProcess(bpmn('permit', elements, flows, extra));
  return result.processes[0]!.key;
}

const v1 = (t: TestEngine) =>
  deploy(
    t,
    [
      el.start('s'),
      el.service('A', 'review'),
      el.boundaryTimer('T1', 'A', 'timeDuration', 'PT1H'),
      el.end('late'),
      el.end('e'),
    ],
    [
      ['s', 'A'],
      ['A', 'e'],
      ['T1', 'late'],
    ],
  );

async function row<T>(t: TestEngine, sql: string): Promise<T> {
  return (await t.db.query<T & Record<string, unknown>>(sql)).rows[0]!;
}

describe(`process instance migration (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should move a waiting task to the new version: same keys and job, new path after it', async () => {
    // given
    const { t } = ctx;
    await v1(t);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const job = await row<{ key: number }>(t, 'select key from engine_job');
    const timer = await row<{ due_at: Date }>(t, 'select due_at from engine_timer');
    const target = await deploy(
      t,
      [
        el.start('s'),
        el.service('A2', 'other-type'),
        el.boundaryTimer('T2', 'A2', 'timeDuration', 'PT24H'),
        el.user('B', '<zeebe:userTask />'),
        el.end('late'),
        el.end('e'),
      ],
      [
        ['s', 'A2'],
        ['A2', 'B'],
        ['B', 'e'],
        ['T2', 'late'],
      ],
    );

    // when
    await t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [
        { sourceElementId: 'A', targetElementId: 'A2' },
        { sourceElementId: 'T1', targetElementId: 'T2' },
      ],
    });

    // then
    expect(
      await row(
        t,
        `select version, process_key from engine_process_instance where key = ${processInstanceKey}`,
      ),
    ).toEqual({ version: 2, process_key: target });
    const migratedTimer = await row<{ due_at: Date; record: { targetElementId: string } }>(
      t,
      'select due_at, record from engine_timer',
    );
    expect(migratedTimer.record.targetElementId).toBe('T2');
    expect(new Date(migratedTimer.due_at).getTime()).toBe(new Date(timer.due_at).getTime());
    const [activated] = await t.engine.activateJobs({
      type: 'review',
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    expect(activated).toMatchObject({
      key: job.key,
      elementId: 'A2',
      processDefinitionKey: target,
    });
    await t.engine.completeJob(activated!.key);
    expect(await t.elementTrail(processInstanceKey)).toContain('B:ELEMENT_ACTIVATED');
    expect((await t.db.query('select key from engine_timer')).rows).toEqual([]);
  });

  it('should close an unmapped boundary subscription and open the target one', async () => {
    // given
    const { t } = ctx;
    await v1(t);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const target = await deploy(
      t,
      [
        el.start('s'),
        el.service('A', 'review'),
        el.boundaryMessage('M', 'A', 'Msg_withdraw'),
        el.end('withdrawn'),
        el.end('e'),
      ],
      [
        ['s', 'A'],
        ['A', 'e'],
        ['M', 'withdrawn'],
      ],
      el.message('Msg_withdraw', 'withdraw', '="case-1"'),
    );

    // when
    await t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [{ sourceElementId: 'A', targetElementId: 'A' }],
    });
    await t.engine.publishMessage({
      name: 'withdraw',
      correlationKey: 'case-1',
      timeToLive: 0,
      messageId: '',
      variables: {},
    });

    // then
    expect((await t.db.query('select key from engine_timer')).rows).toEqual([]);
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('A:ELEMENT_TERMINATED');
    expect(trail).toContain('withdrawn:ELEMENT_COMPLETED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should reject what cannot be mapped, naming the elements, and change nothing', async () => {
    // given
    const { t } = ctx;
    await v1(t);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const target = await deploy(
      t,
      [
        el.start('s'),
        el.user('A', '<zeebe:userTask />'),
        `<bpmn:subProcess id="sub"><bpmn:startEvent id="ss" /><bpmn:serviceTask id="inner"><bpmn:extensionElements><zeebe:taskDefinition type="review" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:sequenceFlow id="f1" sourceRef="ss" targetRef="inner" /></bpmn:subProcess>`,
        el.end('e'),
      ],
      [
        ['s', 'A'],
        ['A', 'sub'],
        ['sub', 'e'],
      ],
    );
    const before = (await t.events(processInstanceKey)).length;
    const migrate = (mappingInstructions: { sourceElementId: string; targetElementId: string }[]) =>
      t.engine.migrateProcessInstance({
        processInstanceKey,
        targetProcessDefinitionKey: target,
        mappingInstructions,
      });

    // then
    await expect(migrate([])).rejects.toThrow(
      "no mapping instruction is given for the active element 'A'",
    );
    await expect(migrate([{ sourceElementId: 'A', targetElementId: 'A' }])).rejects.toThrow(
      "the active element 'A' (SERVICE_TASK) is mapped to 'A', which has a different type (USER_TASK)",
    );
    await expect(migrate([{ sourceElementId: 'A', targetElementId: 'inner' }])).rejects.toThrow(
      "the flow scope of the active element 'A' would change",
    );
    await expect(migrate([{ sourceElementId: 'A', targetElementId: 'gone' }])).rejects.toThrow(
      "target element 'gone' does not exist",
    );
    await expect(
      t.engine.migrateProcessInstance({
        processInstanceKey,
        targetProcessDefinitionKey: 1234,
        mappingInstructions: [],
      }),
    ).rejects.toMatchObject({ rejectionType: 'NOT_FOUND' });
    expect((await t.events(processInstanceKey)).length).toBe(before);
  });
});
