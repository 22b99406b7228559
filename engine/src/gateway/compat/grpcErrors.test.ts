import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bpmn, el } from '../../testing/bpmn';
import { rawGatewayClient } from './rawGatewayClient';
import { startTestGateway, type TestGateway } from './startTestGateway';

describe('gateway statuses on the wire', { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let client: ReturnType<typeof rawGatewayClient>;

  beforeEach(async () => {
    gateway = await startTestGateway();
    client = rawGatewayClient(gateway.grpcAddress);
  }, 60_000);

  afterEach(async () => {
    client.close();
    await gateway.close();
  }, 60_000);

  it('should end an ActivateJobs stream with INVALID_ARGUMENT when maxJobsToActivate is 0', async () => {
    // when
    const { error } = await client.stream('ActivateJobs', {
      type: 'anything',
      worker: 'w',
      timeout: '1000',
      maxJobsToActivate: 0,
      requestTimeout: '-1',
    });

    // then
    expect(error?.code).toBe(3);
    expect(error?.details).toContain('maxJobsToActivate');
  });

  it('should end an ActivateJobs stream without messages when no job comes and polling is off', async () => {
    // when
    const { error, messages } = await client.stream('ActivateJobs', {
      type: 'nothing-here',
      worker: 'w',
      timeout: '1000',
      maxJobsToActivate: 5,
      requestTimeout: '-1',
    });

    // then
    expect(error).toBeNull();
    expect(messages).toEqual([]);
  });

  it('should refuse variables that are not a JSON object and another tenant', async () => {
    // given
    await gateway.engine.deploy([
      {
        name: 'p.bpmn',
        content: Buffer.from(bpmn('p', [el.start('s'), el.end('e')], [['s', 'e']])),
      },
    ]);

    // when
    const badJson = await client.unary('CreateProcessInstance', {
      bpmnProcessId: 'p',
      version: -1,
      variables: '[1, 2]',
    });
    const tenant = await client.unary('CreateProcessInstance', {
      bpmnProcessId: 'p',
      version: -1,
      tenantId: 'dsi',
    });

    // then
    expect(badJson.error?.code).toBe(3);
    expect(tenant.error?.code).toBe(12);
    expect(tenant.error?.details).toContain('multi-tenancy');
  });

  it('should answer UNIMPLEMENTED for start instructions instead of ignoring them', async () => {
    // when
    const { error } = await client.unary('CreateProcessInstance', {
      bpmnProcessId: 'p',
      version: -1,
      startInstructions: [{ elementId: 'task' }],
    });

    // then
    expect(error?.code).toBe(12);
    expect(error?.details).toContain('startInstructions');
  });
});
