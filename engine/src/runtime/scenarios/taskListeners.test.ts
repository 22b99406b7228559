import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

const review = (listeners: [string, string][], ext = '') =>
  bpmn(
    'review',
    [
      el.start('s'),
      el.user(
        'check',
        `<zeebe:userTask />${ext}<zeebe:taskListeners>${listeners
          .map(
            ([eventType, type]) => `<zeebe:taskListener eventType="${eventType}" type="${type}" />`,
          )
          .join('')}</zeebe:taskListeners>`,
      ),
      el.end('e'),
    ],
    [
      ['s', 'check'],
      ['check', 'e'],
    ],
  );

async function activate(t: TestEngine, type: string) {
  return t.engine.activateJobs({
    type,
    worker: 'test',
    timeout: 60_000,
    maxJobsToActivate: 10,
    fetchVariable: [],
  });
}

async function task(t: TestEngine) {
  return (
    await t.db.query<{
      key: number;
      state: string;
      assignee: string | null;
      priority: number;
      candidate_groups: string[];
    }>('select key, state, assignee, priority, candidate_groups from engine_user_task')
  ).rows[0]!;
}

describe(`task listeners (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should deny a completion and keep the task open, then complete it once a listener approves', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(review([['completing', 'check-complete']]));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
    });
    const { key } = await task(t);

    // when
    await t.engine.completeUserTask({ key, variables: { approved: true } });
    const completing = (await task(t)).state;
    const [first] = await activate(t, 'check-complete');
    await t.engine.completeJob(first!.key, {}, { denied: true, deniedReason: 'missing stamp' });
    const afterDenial = await task(t);
    await t.engine.completeUserTask({ key, variables: { approved: true } });
    const [second] = await activate(t, 'check-complete');
    await t.engine.completeJob(second!.key, {}, { denied: false });

    // then
    expect(completing).toBe('COMPLETING');
    expect(afterDenial.state).toBe('CREATED');
    expect(first!.customHeaders).toMatchObject({
      'io.camunda.zeebe:userTaskKey': String(key),
      'io.camunda.zeebe:action': 'complete',
    });
    const intents = (await t.events(processInstanceKey))
      .filter((e) => e.valueType === 'USER_TASK')
      .map((e) => e.intent);
    expect(intents).toEqual([
      'CREATED',
      'COMPLETING',
      'COMPLETION_DENIED',
      'COMPLETING',
      'COMPLETED',
    ]);
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ approved: true });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should apply corrections of creating and assigning listeners when the transition ends', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      review(
        [
          ['creating', 'route'],
          ['assigning', 'balance'],
        ],
        '<zeebe:assignmentDefinition assignee="clerk.chan" />',
      ),
    );
    await t.engine.createProcessInstance({ bpmnProcessId: 'review' });

    // when
    const creatingState = (await task(t)).state;
    const [route] = await activate(t, 'route');
    await t.engine.completeJob(
      route!.key,
      {},
      { corrections: { candidateGroups: ['dsi-crc'], priority: 80 } },
    );
    const [balance] = await activate(t, 'balance');
    await t.engine.completeJob(balance!.key, {}, { corrections: { assignee: 'clerk.wong' } });

    // then
    expect(creatingState).toBe('CREATING');
    expect(balance!.customHeaders).toMatchObject({
      'io.camunda.zeebe:assignee': 'clerk.chan',
      'io.camunda.zeebe:changedAttributes': '["assignee"]',
      'io.camunda.zeebe:priority': '80',
    });
    expect(await task(t)).toMatchObject({
      state: 'CREATED',
      assignee: 'clerk.wong',
      priority: 80,
      candidate_groups: ['dsi-crc'],
    });
  });

  it('should refuse variables from a task listener and raise an incident when its job has no retries left', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(review([['updating', 'guard']]));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
    });
    const { key } = await task(t);
    await t.engine.updateUserTask({ key, change: { priority: 90 } });
    const [guard] = await activate(t, 'guard');

    // when
    const withVariables = t.engine.completeJob(guard!.key, { sneaky: true });
    await expect(withVariables).rejects.toMatchObject({ rejectionType: 'INVALID_ARGUMENT' });
    await t.engine.failJob({ jobKey: guard!.key, retries: 0, errorMessage: 'rules engine down' });
    const [incident] = await t.incidents(processInstanceKey);
    await t.engine.updateJobRetries(guard!.key, 1);
    await t.engine.resolveIncident(incident!.key);
    const [again] = await activate(t, 'guard');
    await t.engine.completeJob(again!.key);

    // then
    expect(incident).toMatchObject({ errorType: 'TASK_LISTENER_NO_RETRIES', elementId: 'check' });
    expect(await task(t)).toMatchObject({ state: 'CREATED', priority: 90 });
  });

  it('should hold a cancellation until the canceling listener completes, but not a modification', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(review([['canceling', 'withdraw']]));
    const cancelled = await t.engine.createProcessInstance({ bpmnProcessId: 'review' });
    const modified = await t.engine.createProcessInstance({ bpmnProcessId: 'review' });
    const taskOf = async (processInstanceKey: number) =>
      (
        await t.db.query<{ state: string; element_instance_key: number }>(
          'select state, element_instance_key from engine_user_task where process_instance_key = $1',
          [processInstanceKey],
        )
      ).rows[0]!;

    // when
    await t.engine.cancelProcessInstance(cancelled.processInstanceKey);
    const whileCanceling = {
      task: (await taskOf(cancelled.processInstanceKey)).state,
      instance: await t.instanceState(cancelled.processInstanceKey),
    };
    const [withdraw] = await activate(t, 'withdraw');
    await t.engine.completeJob(withdraw!.key);
    await t.engine.modifyProcessInstance({
      processInstanceKey: modified.processInstanceKey,
      activateInstructions: [],
      terminateInstructions: [
        { elementInstanceKey: (await taskOf(modified.processInstanceKey)).element_instance_key },
      ],
    });

    // then
    expect(whileCanceling).toEqual({ task: 'CANCELING', instance: 'ACTIVE' });
    expect(withdraw!.processInstanceKey).toBe(cancelled.processInstanceKey);
    expect(await t.instanceState(cancelled.processInstanceKey)).toBe('TERMINATED');
    expect((await taskOf(cancelled.processInstanceKey)).state).toBe('CANCELED');
    expect(await t.instanceState(modified.processInstanceKey)).toBe('TERMINATED');
    expect(await activate(t, 'withdraw')).toEqual([]);
  });

  it('should set variables on a task only after its updating listeners, and not when one denies', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(review([['updating', 'guard']]));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
    });
    const elementInstanceKey = (
      await t.db.query<{ element_instance_key: number }>(
        'select element_instance_key from engine_user_task',
      )
    ).rows[0]!.element_instance_key;

    // when
    await t.engine.setVariables({
      elementInstanceKey,
      variables: { note: 'denied' },
      local: false,
    });
    const [deny] = await activate(t, 'guard');
    await t.engine.completeJob(deny!.key, {}, { denied: true });
    await t.engine.setVariables({ elementInstanceKey, variables: { note: 'kept' }, local: false });
    const whileUpdating = await t.variables(processInstanceKey);
    const [allow] = await activate(t, 'guard');
    await t.engine.completeJob(allow!.key);

    // then
    expect(deny!.customHeaders['io.camunda.zeebe:changedAttributes']).toBe('["variables"]');
    expect(whileUpdating).not.toHaveProperty('note');
    expect(await t.variables(processInstanceKey)).toMatchObject({ note: 'kept' });
    expect((await task(t)).state).toBe('CREATED');
  });
});
