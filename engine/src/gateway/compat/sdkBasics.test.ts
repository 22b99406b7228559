import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { startTestGateway, type TestGateway } from './startTestGateway';

const order = bpmn(
  'order',
  [el.start('start'), el.service('charge', 'charge-card'), el.end('end')],
  [
    ['start', 'charge'],
    ['charge', 'end'],
  ],
);

describe('Camunda 8 SDK over gRPC: deploy, create, workers', { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let zeebe: ZeebeGrpcClient;

  beforeEach(async () => {
    gateway = await startTestGateway();
    zeebe = camundaSdk(gateway).getZeebeGrpcApiClient();
  }, 60_000);

  afterEach(async () => {
    await zeebe.close(1000);
    await gateway.close();
  }, 60_000);

  it('should report this node as the leader of one partition in the topology', async () => {
    // when
    const topology = await zeebe.topology();

    // then
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0]?.port).toBe(gateway.grpc.port);
    expect(topology.brokers[0]?.partitions[0]).toMatchObject({ partitionId: 1, role: 'LEADER' });
    expect(topology.partitionsCount).toBe(1);
  });

  it('should deploy a process and run an instance through a polling worker to its result', async () => {
    // given
    const deployed = await zeebe.deployResource({
      name: 'order.bpmn',
      process: Buffer.from(order),
    });
    expect(deployed.deployments[0]?.process?.bpmnProcessId).toBe('order');
    zeebe.createWorker({
      taskType: 'charge-card',
      taskHandler: (job) => job.complete({ charged: (job.variables.amount as number) * 2 }),
    });

    // when
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'order',
      variables: { amount: 21 },
      requestTimeout: 20_000,
    });

    // then
    expect(result.variables).toEqual({ amount: 21, charged: 42 });
    expect(String(result.processDefinitionKey)).toBe(
      String(deployed.deployments[0]?.process?.processDefinitionKey),
    );
  });
});
