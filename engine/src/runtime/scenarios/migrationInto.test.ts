import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el, type Flow } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

async function deploy(t: TestEngine, elements: string[], flows: Flow[]): Promise<number> {
  return (await t.deployProcess(bpmn('permit', elements, flows))).processes[0]!.key;
}

const jobWorkerTask = (id: string) =>
  el.user(
    id,
    '<zeebe:assignmentDefinition assignee="old.clerk" candidateGroups="dsi-clerks" /><zeebe:taskSchedule dueDate="2026-12-01T09:00:00Z" />',
  );
const camundaTask = (id: string) =>
  el.user(
    id,
    '<zeebe:userTask /><zeebe:assignmentDefinition assignee="new.clerk" /><zeebe:priorityDefinition priority="70" />',
  );
const line = (id: string): Flow[] => [
  ['s', id],
  [id, 'e'],
];

/** s → fork → A → join, fork → B → join → e: the instance waits at B with A's token at join. */
const forkJoin: Flow[] = [
  ['s', 'fork', undefined, 'f-s'],
  ['fork', 'A', undefined, 'f-fork-A'],
  ['fork', 'B', undefined, 'f-fork-B'],
  ['A', 'join', undefined, 'f-A'],
  ['B', 'join', undefined, 'f-B'],
  ['join', 'e', undefined, 'f-e'],
];
const forkJoinElements = [
  el.start('s'),
  el.and('fork'),
  el.service('A', 'a'),
  el.service('B', 'b'),
  el.and('join'),
  el.end('e'),
];

describe(`process instance migration into other implementations and joins (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should turn a job worker user task into a Camunda user task, keeping groups and dates', async () => {
    // given
    const { t } = ctx;
    await deploy(t, [el.start('s'), jobWorkerTask('A'), el.end('e')], line('A'));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const target = await deploy(t, [el.start('s'), camundaTask('A'), el.end('e')], line('A'));

    // when
    await t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [{ sourceElementId: 'A', targetElementId: 'A' }],
    });

    // then: the job is gone; the task has the job's groups and date, the target's assignee
    expect((await t.db.query('select key from engine_job')).rows).toEqual([]);
    const task = (
      await t.db.query<{
        key: number;
        assignee: string;
        candidate_groups: string[];
        priority: number;
        due_date: string | Date;
      }>('select key, assignee, candidate_groups, priority, due_date from engine_user_task')
    ).rows[0]!;
    expect(task).toMatchObject({
      assignee: 'new.clerk',
      candidate_groups: ['dsi-clerks'],
      priority: 70,
    });
    expect(new Date(task.due_date).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    await t.engine.completeUserTask({ key: task.key });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should refuse to turn a Camunda user task into a job worker one, naming it', async () => {
    // given
    const { t } = ctx;
    await deploy(t, [el.start('s'), camundaTask('A'), el.end('e')], line('A'));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const target = await deploy(t, [el.start('s'), jobWorkerTask('A'), el.end('e')], line('A'));

    // when
    const migration = t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [{ sourceElementId: 'A', targetElementId: 'A' }],
    });

    // then
    await expect(migration).rejects.toThrow(
      "the Camunda user task 'A' is mapped to 'A', which is a job worker user task",
    );
  });

  it('should refuse to turn a job worker user task with an incident into a Camunda user task', async () => {
    // given
    const { t } = ctx;
    await deploy(t, [el.start('s'), jobWorkerTask('A'), el.end('e')], line('A'));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    const [job] = await t.engine.activateJobs({
      type: 'io.camunda.zeebe:userTask',
      worker: 'tasklist',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    await t.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'tasklist down' });
    const target = await deploy(t, [el.start('s'), camundaTask('A'), el.end('e')], line('A'));

    // when
    const migration = t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [{ sourceElementId: 'A', targetElementId: 'A' }],
    });

    // then
    await expect(migration).rejects.toThrow("the job worker user task 'A'");
    await expect(migration).rejects.toThrow('Resolve the incident first');
  });

  it('should move the tokens waiting at a joining gateway to the mapped gateway and flow', async () => {
    // given: A is done, so its token waits at the join for B
    const { t } = ctx;
    await deploy(t, forkJoinElements, forkJoin);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    expect(await t.completeJobs('a')).toBe(1);
    // the new version checks A's result in C before joining
    const target = await deploy(
      t,
      [
        ...forkJoinElements.filter((x) => !x.includes('"join"')),
        el.service('C', 'c'),
        el.and('join2'),
      ],
      [
        ['s', 'fork', undefined, 'f-s'],
        ['fork', 'A', undefined, 'f-fork-A'],
        ['fork', 'B', undefined, 'f-fork-B'],
        ['A', 'C', undefined, 'f-A-C'],
        ['C', 'join2', undefined, 'f-C'],
        ['B', 'join2', undefined, 'f-B'],
        ['join2', 'e', undefined, 'f-e'],
      ],
    );

    // when
    await t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [
        { sourceElementId: 'B', targetElementId: 'B' },
        { sourceElementId: 'join', targetElementId: 'join2' },
        { sourceElementId: 'f-A', targetElementId: 'f-C' },
      ],
    });

    // then: B's arrival completes the join
    expect(await t.completeJobs('b')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('join2:ELEMENT_COMPLETED');
    expect(trail.filter((x) => x.startsWith('C:'))).toEqual([]);
  });

  it('should refuse joins it cannot map, naming the gateway or the flow', async () => {
    // given
    const { t } = ctx;
    await deploy(t, forkJoinElements, forkJoin);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    expect(await t.completeJobs('a')).toBe(1);
    const target = await deploy(
      t,
      [el.start('s'), el.service('B', 'b'), el.and('join2'), el.end('e')],
      [
        ['s', 'B', undefined, 'f-s'],
        ['B', 'join2', undefined, 'f-B'],
        ['join2', 'e', undefined, 'f-e'],
      ],
    );
    const before = (await t.events(processInstanceKey)).length;
    const migrate = (more: { sourceElementId: string; targetElementId: string }[]) =>
      t.engine.migrateProcessInstance({
        processInstanceKey,
        targetProcessDefinitionKey: target,
        mappingInstructions: [{ sourceElementId: 'B', targetElementId: 'B' }, ...more],
      });

    // then
    await expect(migrate([])).rejects.toThrow(
      "the joining gateway 'join' has taken incoming sequence flows and no mapping instruction",
    );
    await expect(migrate([{ sourceElementId: 'join', targetElementId: 'join2' }])).rejects.toThrow(
      "'join' is mapped to 'join2', which has fewer incoming sequence flows (1) than it (2)",
    );
    expect((await t.events(processInstanceKey)).length).toBe(before);
  });

  it('should refuse a taken flow that does not lead into the mapped gateway', async () => {
    // given
    const { t } = ctx;
    await deploy(t, forkJoinElements, forkJoin);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'permit',
    });
    expect(await t.completeJobs('a')).toBe(1);
    const renamed: Flow[] = forkJoin.map(([from, to, c, id]) =>
      id === 'f-A' ? [from, to, c, 'f-A2'] : [from, to, c, id!],
    );
    const target = await deploy(t, forkJoinElements, renamed);

    // when
    const migration = t.engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions: [
        { sourceElementId: 'B', targetElementId: 'B' },
        { sourceElementId: 'join', targetElementId: 'join' },
      ],
    });

    // then
    await expect(migration).rejects.toThrow(
      "the taken sequence flow 'f-A' of the joining gateway 'join' is not mapped to an incoming sequence flow of 'join'",
    );
  });
});
