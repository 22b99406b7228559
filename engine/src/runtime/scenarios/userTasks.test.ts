import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const verify = (ext: string) =>
  bpmn(
    'clerk-check',
    [el.start('s'), el.user('check', ext), el.end('e')],
    [
      ['s', 'check'],
      ['check', 'e'],
    ],
  );

describe(`user tasks (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should create a Camunda user task with assignment, schedule and priority, and complete it with variables', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      verify(
        '<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks, dsi-supervisors" /><zeebe:taskSchedule dueDate="=dueBy" /><zeebe:priorityDefinition priority="70" />',
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'clerk-check',
      variables: { dueBy: '2026-02-01T17:00:00+08:00' },
    });
    const task = (
      await t.db.query<{
        key: number;
        candidate_groups: string[];
        due_date: Date;
        priority: number;
        state: string;
      }>('select * from engine_user_task')
    ).rows[0]!;

    // when
    await t.engine.assignUserTask({ key: task.key, assignee: 'clerk.chan' });
    await t.engine.completeUserTask({ key: task.key, variables: { approved: true } });

    // then
    expect(task.candidate_groups).toEqual(['dsi-crc-clerks', 'dsi-supervisors']);
    expect(new Date(task.due_date).toISOString()).toBe('2026-02-01T09:00:00.000Z');
    expect(task.priority).toBe(70);
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ approved: true });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const after = (
      await t.db.query<{ state: string; assignee: string }>(
        'select state, assignee from engine_user_task',
      )
    ).rows[0];
    expect(after).toEqual({ state: 'COMPLETED', assignee: 'clerk.chan' });
  });

  it('should refuse to assign a task that someone else holds when override is off', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      verify('<zeebe:userTask /><zeebe:assignmentDefinition assignee="clerk.chan" />'),
    );
    await t.engine.createProcessInstance({ bpmnProcessId: 'clerk-check' });
    const { key } = (await t.db.query<{ key: number }>('select key from engine_user_task'))
      .rows[0]!;

    // then
    await expect(
      t.engine.assignUserTask({ key, assignee: 'clerk.wong', allowOverride: false }),
    ).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      message: expect.stringContaining("already assigned to 'clerk.chan'"),
    });
  });

  it('should give a job-based user task the standard Zeebe headers', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      verify(
        '<zeebe:assignmentDefinition assignee="=owner" candidateGroups="dsf-clerks" /><zeebe:formDefinition formKey="camunda-forms:bpmn:Form_1" />',
      ),
    );
    await t.engine.createProcessInstance({
      bpmnProcessId: 'clerk-check',
      variables: { owner: 'clerk.lei' },
    });

    // when
    const [job] = await t.engine.activateJobs({
      type: 'io.camunda.zeebe:userTask',
      worker: 'tasklist',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // then
    expect(job!.customHeaders).toMatchObject({
      'io.camunda.zeebe:assignee': 'clerk.lei',
      'io.camunda.zeebe:candidateGroups': '["dsf-clerks"]',
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:Form_1',
    });
  });

  it('should raise an incident when the linked form is not deployed', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(verify('<zeebe:userTask /><zeebe:formDefinition formId="crc-review" />'));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'clerk-check',
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident!.message).toContain("Expected to find a form with id 'crc-review'");
  });

  it('should link a deployed form by id', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'process.bpmn',
        xml: verify('<zeebe:userTask /><zeebe:formDefinition formId="crc-review" />'),
      },
      { name: 'review.form', xml: JSON.stringify({ formId: 'crc-review', components: [] }) },
    );

    // when
    await t.engine.createProcessInstance({ bpmnProcessId: 'clerk-check' });

    // then
    const task = (
      await t.db.query<{ record: { formKey: number; formId: string } }>(
        'select record from engine_user_task',
      )
    ).rows[0]!;
    const form = (
      await t.db.query<{ key: number }>("select key from engine_form where form_id = 'crc-review'")
    ).rows[0]!;
    expect(task.record.formKey).toBe(form.key);
  });
});
