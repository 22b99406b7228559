import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CamundaRestClient } from '@camunda8/sdk/dist/c8/lib/CamundaRestClient';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

const v1 = bpmn(
  'permit',
  [el.start('s'), el.messageCatch('B', 'Msg_reply'), el.service('C', 'issue'), el.end('e')],
  [
    ['s', 'B'],
    ['B', 'C'],
    ['C', 'e'],
  ],
  el.message('Msg_reply', 'reply', '=caseId'),
);

const v2 = bpmn(
  'permit',
  [el.start('s'), el.messageCatch('B2', 'Msg_reply'), el.service('C', 'issue'), el.end('e')],
  [
    ['s', 'B2'],
    ['B2', 'C'],
    ['C', 'e'],
  ],
  el.message('Msg_reply', 'reply', '=caseId'),
);

const vetted = bpmn(
  'vetted',
  [
    el.start('s'),
    el.user(
      'check',
      '<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType="completing" type="vet" /></zeebe:taskListeners>',
    ),
    el.end('e'),
  ],
  [
    ['s', 'check'],
    ['check', 'e'],
  ],
);

const agentReview = bpmn(
  'agent-review',
  [
    el.start('s'),
    `<bpmn:adHocSubProcess id="tools">
      <bpmn:extensionElements><zeebe:taskDefinition type="agent" /></bpmn:extensionElements>
      ${el.service('lookup', 'lookup')}
    </bpmn:adHocSubProcess>`,
    el.end('e'),
  ],
  [
    ['s', 'tools'],
    ['tools', 'e'],
  ],
);

describe(
  `Camunda 8 SDK: modification, migration, task listener results (${testDatabaseKind})`,
  { timeout: 120_000 },
  () => {
    let gateway: TestGateway;
    let zeebe: ZeebeGrpcClient;
    let rest: CamundaRestClient;

    beforeEach(async () => {
      gateway = await startTestGateway();
      const sdk = camundaSdk(gateway);
      zeebe = sdk.getZeebeGrpcApiClient();
      rest = sdk.getCamundaRestClient();
    }, 60_000);

    afterEach(async () => {
      await zeebe.close(1000);
      await gateway.close();
    }, 60_000);

    const activeElements = async (processInstanceKey: string) => {
      const found = await restCall(gateway, 'POST', '/v2/element-instances/search', {
        filter: { processInstanceKey, state: 'ACTIVE' },
      });
      return (found.body.items as { elementId: string; processDefinitionKey: string }[])
        .filter((i) => i.elementId !== 'permit')
        .map((i) => `${i.elementId}@${i.processDefinitionKey}`);
    };

    it('should modify an instance over gRPC and over REST, and name a missing element', async () => {
      // given
      await zeebe.deployResources([{ name: 'permit.bpmn', process: Buffer.from(v1) }]);
      const a = await zeebe.createProcessInstance({
        bpmnProcessId: 'permit',
        variables: { caseId: 'a' },
      });
      const b = await zeebe.createProcessInstance({
        bpmnProcessId: 'permit',
        variables: { caseId: 'b' },
      });
      const waitingAt = async (key: string) =>
        (
          (
            await restCall(gateway, 'POST', '/v2/element-instances/search', {
              filter: { processInstanceKey: key, elementId: 'B' },
            })
          ).body.items as { elementInstanceKey: string }[]
        )[0]!.elementInstanceKey;

      // when
      await zeebe.modifyProcessInstance({
        processInstanceKey: a.processInstanceKey,
        activateInstructions: [
          {
            elementId: 'C',
            ancestorElementInstanceKey: '-1',
            variableInstructions: [{ scopeId: '', variables: { reply: 'by phone' } }],
          },
        ],
        terminateInstructions: [{ elementInstanceKey: await waitingAt(a.processInstanceKey) }],
      });
      await rest.modifyProcessInstance({
        processInstanceKey: b.processInstanceKey,
        activateInstructions: [{ elementId: 'C' }],
        terminateInstructions: [{ elementInstanceKey: await waitingAt(b.processInstanceKey) }],
      });
      const missing = await zeebe
        .modifyProcessInstance({
          processInstanceKey: a.processInstanceKey,
          activateInstructions: [
            { elementId: 'nowhere', ancestorElementInstanceKey: '-1', variableInstructions: [] },
          ],
        })
        .catch((e: unknown) => e as { code: number; details: string });
      const missingRest = await restCall(
        gateway,
        'POST',
        `/v2/process-instances/${b.processInstanceKey}/modification`,
        { activateInstructions: [{ elementId: 'nowhere' }] },
      );

      // then
      expect((await activeElements(a.processInstanceKey)).map((e) => e.split('@')[0])).toEqual([
        'C',
      ]);
      expect((await activeElements(b.processInstanceKey)).map((e) => e.split('@')[0])).toEqual([
        'C',
      ]);
      expect(missing).toMatchObject({ code: 3, details: expect.stringContaining("'nowhere'") });
      expect(missingRest.status).toBe(400);
      expect(String(missingRest.body.detail)).toContain("'nowhere'");
    });

    it('should migrate an instance over gRPC and over REST, and name an unmapped element', async () => {
      // given
      await zeebe.deployResources([{ name: 'permit.bpmn', process: Buffer.from(v1) }]);
      const a = await zeebe.createProcessInstance({
        bpmnProcessId: 'permit',
        variables: { caseId: 'a' },
      });
      const b = await zeebe.createProcessInstance({
        bpmnProcessId: 'permit',
        variables: { caseId: 'b' },
      });
      const deployed = await zeebe.deployResources([
        { name: 'permit.bpmn', process: Buffer.from(v2) },
      ]);
      const target = (deployed.deployments[0] as { process: { processDefinitionKey: string } })
        .process.processDefinitionKey;

      // when
      const unmapped = await zeebe
        .migrateProcessInstance({
          processInstanceKey: a.processInstanceKey,
          migrationPlan: { targetProcessDefinitionKey: target, mappingInstructions: [] },
        })
        .catch((e: unknown) => e as { code: number; details: string });
      await zeebe.migrateProcessInstance({
        processInstanceKey: a.processInstanceKey,
        migrationPlan: {
          targetProcessDefinitionKey: target,
          mappingInstructions: [{ sourceElementId: 'B', targetElementId: 'B2' }],
        },
      });
      await rest.migrateProcessInstance({
        processInstanceKey: b.processInstanceKey,
        targetProcessDefinitionKey: target,
        mappingInstructions: [{ sourceElementId: 'B', targetElementId: 'B2' }],
      });
      await zeebe.publishMessage({ name: 'reply', correlationKey: 'a', variables: {} });

      // then
      expect(unmapped).toMatchObject({
        code: 3,
        details: expect.stringContaining("active element 'B'"),
      });
      expect(await activeElements(a.processInstanceKey)).toEqual([`C@${target}`]);
      expect(await activeElements(b.processInstanceKey)).toEqual([`B2@${target}`]);
    });

    it('should let a task listener deny a completion through REST job completion with a result', async () => {
      // given
      await zeebe.deployResources([{ name: 'vetted.bpmn', process: Buffer.from(vetted) }]);
      const { processInstanceKey } = await zeebe.createProcessInstance({
        bpmnProcessId: 'vetted',
        variables: {},
      });
      const tasks = await restCall(gateway, 'POST', '/v2/user-tasks/search', {
        filter: { processInstanceKey },
      });
      const { userTaskKey } = (tasks.body.items as { userTaskKey: string }[])[0]!;

      // when
      await restCall(gateway, 'POST', `/v2/user-tasks/${userTaskKey}/completion`, {
        variables: { approved: true },
      });
      const [job] = await zeebe.activateJobs({
        type: 'vet',
        worker: 'vetting',
        timeout: 60_000,
        maxJobsToActivate: 1,
        requestTimeout: 5_000,
        fetchVariable: [],
      });
      const denied = await restCall(gateway, 'POST', `/v2/jobs/${job!.key}/completion`, {
        result: { type: 'userTask', denied: true, deniedReason: 'no stamp' },
      });
      const task = await restCall(gateway, 'GET', `/v2/user-tasks/${userTaskKey}`);

      // then
      expect(job!.customHeaders).toMatchObject({ 'io.camunda.zeebe:action': 'complete' });
      expect(denied.status).toBe(204);
      expect(task.body.state).toBe('CREATED');
    });

    it('should let an ad-hoc sub-process worker activate elements and finish through REST job completion', async () => {
      // given
      await zeebe.deployResources([
        { name: 'agent-review.bpmn', process: Buffer.from(agentReview) },
      ]);
      const { processInstanceKey } = await zeebe.createProcessInstance({
        bpmnProcessId: 'agent-review',
        variables: {},
      });
      const agentJob = async () =>
        (
          await zeebe.activateJobs({
            type: 'agent',
            worker: 'agent',
            timeout: 60_000,
            maxJobsToActivate: 1,
            requestTimeout: 5_000,
            fetchVariable: [],
          })
        )[0]!;
      const first = await agentJob();

      // when
      const wrongShape = await restCall(gateway, 'POST', `/v2/jobs/${first.key}/completion`, {
        result: { type: 'adHocSubProcess', activateElements: [{ id: 'lookup' }] },
      });
      const activated = await restCall(gateway, 'POST', `/v2/jobs/${first.key}/completion`, {
        result: {
          type: 'adHocSubProcess',
          activateElements: [{ elementId: 'lookup', variables: { query: 'licence' } }],
        },
      });
      const [lookup] = await zeebe.activateJobs({
        type: 'lookup',
        worker: 'lookup',
        timeout: 60_000,
        maxJobsToActivate: 1,
        requestTimeout: 5_000,
        fetchVariable: [],
      });
      await zeebe.completeJob({ jobKey: lookup!.key, variables: { found: 1 } });
      const second = await agentJob();
      const done = await restCall(gateway, 'POST', `/v2/jobs/${second.key}/completion`, {
        result: { type: 'adHocSubProcess', isCompletionConditionFulfilled: true },
      });
      const instance = await restCall(
        gateway,
        'GET',
        `/v2/process-instances/${processInstanceKey}`,
      );

      // then
      expect(wrongShape.status).toBe(400);
      expect(activated.status).toBe(204);
      expect(lookup!.variables).toMatchObject({ query: 'licence' });
      expect(done.status).toBe(204);
      expect(instance.body.state).toBe('COMPLETED');
    });
  },
);
