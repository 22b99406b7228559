import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { eventually, startTestGateway, type TestGateway } from './startTestGateway';

const payment = bpmn(
  'payment',
  [
    el.start('start'),
    el.service('charge', 'charge-card'),
    el.boundaryError('refused', 'charge', 'Err_Funds'),
    el.service('notify', 'notify-refusal'),
    el.end('paid'),
    el.end('notified'),
  ],
  [
    ['start', 'charge'],
    ['charge', 'paid'],
    ['refused', 'notify'],
    ['notify', 'notified'],
  ],
  el.error('Err_Funds', 'NO_FUNDS'),
);

describe(`Camunda 8 SDK over gRPC: job outcomes (${testDatabaseKind})`, { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let zeebe: ZeebeGrpcClient;

  beforeEach(async () => {
    gateway = await startTestGateway();
    zeebe = camundaSdk(gateway).getZeebeGrpcApiClient();
    await zeebe.deployResource({ name: 'payment.bpmn', process: Buffer.from(payment) });
  }, 60_000);

  afterEach(async () => {
    await zeebe.close(1000);
    await gateway.close();
  }, 60_000);

  const activate = (type: string, requestTimeout: number) =>
    zeebe.activateJobs({
      type,
      worker: 'test',
      timeout: 30_000,
      maxJobsToActivate: 5,
      requestTimeout,
      fetchVariable: [],
    });

  it('should push jobs to a streaming worker', async () => {
    // given
    const stream = await zeebe.streamJobs({
      type: 'charge-card',
      worker: 'streamer',
      tenantIds: [],
      timeout: 30_000,
      taskHandler: (job) => job.complete({ streamed: true }),
    });

    try {
      // when
      const result = await zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'payment',
        variables: {},
        requestTimeout: 20_000,
      });

      // then
      expect(result.variables).toEqual({ streamed: true });
    } finally {
      stream.close();
    }
  });

  it('should hold a failed job back for its retry back-off, then hand it out again', async () => {
    // given
    await zeebe.createProcessInstance({ bpmnProcessId: 'payment', variables: {} });
    const [job] = await activate('charge-card', 5000);
    expect(job).toBeDefined();

    // when
    await zeebe.failJob({
      jobKey: job!.key,
      retries: 2,
      errorMessage: 'card gateway down',
      retryBackOff: 3000,
    });

    // then
    expect(await activate('charge-card', -1)).toEqual([]);
    const [again] = await activate('charge-card', 10_000);
    expect(again?.key).toBe(job!.key);
    expect(again?.retries).toBe(2);
  });

  it('should let a boundary event catch an error thrown by a worker', async () => {
    // given
    await zeebe.createProcessInstance({ bpmnProcessId: 'payment', variables: {} });
    const [job] = await activate('charge-card', 5000);

    // when
    await zeebe.throwError({ jobKey: job!.key, errorCode: 'NO_FUNDS', errorMessage: 'declined' });

    // then
    const next = await activate('notify-refusal', 5000);
    expect(next).toHaveLength(1);
  });

  it('should raise an incident when retries run out, and resume after retries are added and it is resolved', async () => {
    // given
    const created = await zeebe.createProcessInstance({ bpmnProcessId: 'payment', variables: {} });
    const [job] = await activate('charge-card', 5000);
    await zeebe.failJob({
      jobKey: job!.key,
      retries: 0,
      errorMessage: 'card expired',
      retryBackOff: 0,
    });
    const incident = await eventually(async () => {
      const found = await restSearch(gateway, '/v2/incidents/search', {
        filter: { processInstanceKey: created.processInstanceKey, state: 'ACTIVE' },
      });
      return found.items[0];
    });
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'card expired' });

    // when
    await zeebe.updateJobRetries({ jobKey: job!.key, retries: 1 });
    await zeebe.resolveIncident({ incidentKey: incident.incidentKey as string });

    // then
    const [again] = await activate('charge-card', 5000);
    expect(again?.key).toBe(job!.key);
    await zeebe.completeJob({ jobKey: again!.key, variables: {} });
    const instance = await eventually(async () => {
      const found = await restSearch(gateway, '/v2/process-instances/search', {
        filter: { processInstanceKey: created.processInstanceKey, state: 'COMPLETED' },
      });
      return found.items[0];
    });
    expect(instance.hasIncident).toBe(false);
  });

  it('should answer NOT_FOUND in Zeebe wording for an unknown job', async () => {
    // when
    const failure = await zeebe
      .completeJob({ jobKey: '2251799813999999', variables: {} })
      .catch((error: unknown) => error as { code?: number; details?: string; message: string });

    // then
    expect(failure).toMatchObject({ code: 5 });
    expect(String((failure as { message: string }).message)).toMatch(/Expected to .*but/);
  });
});

async function restSearch(
  gateway: TestGateway,
  path: string,
  body: unknown,
): Promise<{ items: Record<string, unknown>[]; page: { totalItems: number } }> {
  const response = await fetch(`${gateway.restUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    items: Record<string, unknown>[];
    page: { totalItems: number };
  };
}
