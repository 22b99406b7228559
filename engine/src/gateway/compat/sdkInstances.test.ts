import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { restCall } from './restCall';
import { eventually, startTestGateway, type TestGateway } from './startTestGateway';

const awaitDocuments = bpmn(
  'await-documents',
  [el.start('start'), el.messageCatch('docs', 'Msg_Docs'), el.end('end')],
  [
    ['start', 'docs'],
    ['docs', 'end'],
  ],
  el.message('Msg_Docs', 'documents-submitted', '=caseRef'),
);

const storm = bpmn(
  'storm-closure',
  [
    el.start('start'),
    '<bpmn:intermediateCatchEvent id="warning"><bpmn:signalEventDefinition signalRef="Sig_Storm" /></bpmn:intermediateCatchEvent>',
    el.end('end'),
  ],
  [
    ['start', 'warning'],
    ['warning', 'end'],
  ],
  '<bpmn:signal id="Sig_Storm" name="typhoon-signal-8" />',
);

const review = bpmn(
  'review',
  [el.start('start'), el.service('check', 'check-file'), el.end('end')],
  [
    ['start', 'check'],
    ['check', 'end'],
  ],
);

describe(
  `Camunda 8 SDK over gRPC: instances and messages (${testDatabaseKind})`,
  { timeout: 60_000 },
  () => {
    let gateway: TestGateway;
    let zeebe: ZeebeGrpcClient;

    beforeEach(async () => {
      gateway = await startTestGateway();
      zeebe = camundaSdk(gateway).getZeebeGrpcApiClient();
      await zeebe.deployResources([
        { name: 'await-documents.bpmn', process: Buffer.from(awaitDocuments) },
        { name: 'review.bpmn', process: Buffer.from(review) },
        { name: 'storm-closure.bpmn', process: Buffer.from(storm) },
      ]);
    }, 60_000);

    afterEach(async () => {
      await zeebe.close(1000);
      await gateway.close();
    }, 60_000);

    const stateOf = async (key: string) =>
      (await restCall(gateway, 'GET', `/v2/process-instances/${key}`)).body.state;

    const completed = (key: string) =>
      eventually(async () => ((await stateOf(key)) === 'COMPLETED' ? true : undefined));

    it('should correlate a message only to the instance with its correlation key', async () => {
      // given
      const a = await zeebe.createProcessInstance({
        bpmnProcessId: 'await-documents',
        variables: { caseRef: 'A-1' },
      });
      const b = await zeebe.createProcessInstance({
        bpmnProcessId: 'await-documents',
        variables: { caseRef: 'B-2' },
      });

      // when
      await zeebe.publishMessage({
        name: 'documents-submitted',
        correlationKey: 'A-1',
        variables: { pages: 3 },
        timeToLive: 0,
      });

      // then
      await completed(a.processInstanceKey);
      expect(await stateOf(b.processInstanceKey)).toBe('ACTIVE');
    });

    it('should keep a message with a time to live for an instance that subscribes later', async () => {
      // given
      const published = await zeebe.publishMessage({
        name: 'documents-submitted',
        correlationKey: 'C-3',
        variables: {},
        timeToLive: 60_000,
      });
      expect(published.key).toBeTruthy();

      // when
      const late = await zeebe.createProcessInstance({
        bpmnProcessId: 'await-documents',
        variables: { caseRef: 'C-3' },
      });

      // then
      await completed(late.processInstanceKey);
    });

    it('should not keep a message without a time to live', async () => {
      // given
      await zeebe.publishMessage({
        name: 'documents-submitted',
        correlationKey: 'D-4',
        variables: {},
        timeToLive: 0,
      });

      // when
      const late = await zeebe.createProcessInstance({
        bpmnProcessId: 'await-documents',
        variables: { caseRef: 'D-4' },
      });

      // then
      const waiting = await restCall(gateway, 'POST', '/v2/element-instances/search', {
        filter: { processInstanceKey: late.processInstanceKey, elementId: 'docs' },
      });
      expect(waiting.body.page).toEqual({ totalItems: 1 });
      expect(await stateOf(late.processInstanceKey)).toBe('ACTIVE');
    });

    it('should broadcast a signal to every instance waiting for it', async () => {
      // given
      const first = await zeebe.createProcessInstance({
        bpmnProcessId: 'storm-closure',
        variables: {},
      });
      const second = await zeebe.createProcessInstance({
        bpmnProcessId: 'storm-closure',
        variables: {},
      });

      // when
      const broadcast = await zeebe.broadcastSignal({
        signalName: 'typhoon-signal-8',
        variables: {},
      });

      // then
      expect(broadcast.key).toBeTruthy();
      await completed(first.processInstanceKey);
      await completed(second.processInstanceKey);
    });

    it('should cancel an instance, and answer NOT_FOUND when it is cancelled again', async () => {
      // given
      const created = await zeebe.createProcessInstance({ bpmnProcessId: 'review', variables: {} });

      // when
      await zeebe.cancelProcessInstance(created.processInstanceKey);

      // then
      expect(await stateOf(created.processInstanceKey)).toBe('TERMINATED');
      const again = await zeebe
        .cancelProcessInstance(created.processInstanceKey)
        .catch((error: unknown) => error as { code?: number });
      expect(again).toMatchObject({ code: 5 });
    });

    it('should set variables on an instance that its next job sees', async () => {
      // given
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: 'review',
        variables: { applicant: 'Ana' },
      });

      // when
      await zeebe.setVariables({
        elementInstanceKey: created.processInstanceKey,
        variables: { priority: 'high' },
        local: false,
      });

      // then
      const [job] = await zeebe.activateJobs({
        type: 'check-file',
        worker: 'test',
        timeout: 30_000,
        maxJobsToActivate: 1,
        requestTimeout: 5000,
        fetchVariable: [],
      });
      expect(job?.variables).toEqual({ applicant: 'Ana', priority: 'high' });
    });

    it('should answer NOT_FOUND naming the process when none is deployed under that id', async () => {
      // when
      const failure = await zeebe
        .createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} })
        .catch((error: unknown) => error as { code?: number; message: string });

      // then
      expect(failure).toMatchObject({ code: 5 });
      expect(String((failure as { message: string }).message)).toContain("'no-such-process'");
    });
  },
);
