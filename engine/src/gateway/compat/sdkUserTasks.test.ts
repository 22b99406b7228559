import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CamundaRestClient } from '@camunda8/sdk/dist/c8/lib/CamundaRestClient';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { restCall } from './restCall';
import { eventually, startTestGateway, type TestGateway } from './startTestGateway';

const reviewForm = JSON.stringify({
  id: 'crc-review',
  type: 'default',
  components: [{ key: 'approved', type: 'checkbox', label: 'Approved' }],
});

const certificate = bpmn(
  'criminal-record',
  [
    el.start('start'),
    el.user(
      'review',
      '<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-clerks" /><zeebe:formDefinition formId="crc-review" /><zeebe:priorityDefinition priority="70" />',
    ),
    el.end('end'),
  ],
  [
    ['start', 'review'],
    ['review', 'end'],
  ],
);

describe(`Camunda 8 SDK REST client: user tasks (${testDatabaseKind})`, { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let zeebe: ZeebeGrpcClient;
  let rest: CamundaRestClient;

  beforeEach(async () => {
    gateway = await startTestGateway();
    const sdk = camundaSdk(gateway);
    zeebe = sdk.getZeebeGrpcApiClient();
    rest = sdk.getCamundaRestClient();
    await zeebe.deployResources([
      { name: 'crc-review.form', form: Buffer.from(reviewForm) },
      { name: 'criminal-record.bpmn', process: Buffer.from(certificate) },
    ]);
  }, 60_000);

  afterEach(async () => {
    await zeebe.close(1000);
    await gateway.close();
  }, 60_000);

  it('should find a task by candidate group, assign it and complete it with variables', async () => {
    // given
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: 'criminal-record',
      variables: { applicant: 'Ana' },
    });

    // when
    const found = await rest.searchUserTasks({
      filter: { candidateGroup: 'dsi-clerks', state: 'CREATED' },
    });
    const task = found.items[0]!;
    await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'clerk.lee' });
    const assigned = await rest.getUserTask(task.userTaskKey);
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });

    // then
    expect(found.page.totalItems).toBe(1);
    expect(task).toMatchObject({
      processInstanceKey: created.processInstanceKey,
      elementId: 'review',
      candidateGroups: ['dsi-clerks'],
      priority: 70,
      processDefinitionId: 'criminal-record',
    });
    expect(assigned.assignee).toBe('clerk.lee');
    const instance = await eventually(async () => {
      const got = await restCall(
        gateway,
        'GET',
        `/v2/process-instances/${created.processInstanceKey}`,
      );
      return got.body.state === 'COMPLETED' ? got.body : undefined;
    });
    expect(instance.processDefinitionId).toBe('criminal-record');
    const done = await rest.getUserTask(task.userTaskKey);
    expect(done.state).toBe('COMPLETED');
  });

  it('should serve the linked form and the variables a task sees', async () => {
    // given
    await zeebe.createProcessInstance({
      bpmnProcessId: 'criminal-record',
      variables: { applicant: 'Ana', fee: 50 },
    });
    const [task] = (await rest.searchUserTasks({ filter: { elementId: 'review' } })).items;

    // when
    const form = await restCall(gateway, 'GET', `/v2/user-tasks/${task!.userTaskKey}/form`);
    const variables = await rest.searchUserTaskVariables({
      userTaskKey: task!.userTaskKey,
      filter: {},
    } as Parameters<CamundaRestClient['searchUserTaskVariables']>[0]);

    // then
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ formId: 'crc-review', version: 1 });
    expect(JSON.parse(form.body.schema as string)).toMatchObject({ id: 'crc-review' });
    expect(variables.items.map((v) => [v.name, v.value])).toEqual([
      ['applicant', '"Ana"'],
      ['fee', '50'],
    ]);
  });

  it('should refuse to reassign a task without allowOverride, as a problem detail', async () => {
    // given
    await zeebe.createProcessInstance({ bpmnProcessId: 'criminal-record', variables: {} });
    const [task] = (await rest.searchUserTasks({ filter: {} })).items;
    await rest.assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'clerk.lee' });

    // when
    const refused = await restCall(
      gateway,
      'POST',
      `/v2/user-tasks/${task!.userTaskKey}/assignment`,
      {
        assignee: 'clerk.chan',
        allowOverride: false,
      },
    );

    // then
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      title: 'INVALID_STATE',
      status: 409,
      instance: `/v2/user-tasks/${task!.userTaskKey}/assignment`,
    });
    expect(refused.body.detail).toContain("already assigned to 'clerk.lee'");
  });

  it('should unassign a task', async () => {
    // given
    await zeebe.createProcessInstance({ bpmnProcessId: 'criminal-record', variables: {} });
    const [task] = (await rest.searchUserTasks({ filter: {} })).items;
    await rest.assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'clerk.lee' });

    // when
    const unassigned = await restCall(
      gateway,
      'DELETE',
      `/v2/user-tasks/${task!.userTaskKey}/assignee`,
    );

    // then
    expect(unassigned.status).toBe(204);
    expect((await rest.getUserTask(task!.userTaskKey)).assignee).toBeUndefined();
  });
});
