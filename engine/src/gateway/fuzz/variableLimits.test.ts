import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '../../testing/bpmn';
import { MAX_VARIABLE_BYTES } from '../../runtime/variables/variableLimits';
import { rawGatewayClient } from '../compat/rawGatewayClient';
import { startTestGateway, type TestGateway } from '../compat/startTestGateway';

describe('variable payloads', { timeout: 120_000 }, () => {
  let gateway: TestGateway;
  let client: ReturnType<typeof rawGatewayClient>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    client = rawGatewayClient(gateway.grpcAddress);
    await gateway.engine.deploy([
      {
        name: 'v.bpmn',
        content: Buffer.from(
          bpmn(
            'v',
            [el.start('s'), el.service('work', 'vars'), el.end('e')],
            [
              ['s', 'work'],
              ['work', 'e'],
            ],
          ),
        ),
      },
    ]);
  }, 120_000);

  afterAll(async () => {
    client.close();
    await gateway?.close();
  }, 60_000);

  const create = (variables: string) =>
    client.unary<{ processInstanceKey: string }>('CreateProcessInstance', {
      bpmnProcessId: 'v',
      version: -1,
      variables,
    });

  it('should refuse a variables document over the limit with INVALID_ARGUMENT naming the limit', async () => {
    // given
    const big = JSON.stringify({ scan: 'x'.repeat(MAX_VARIABLE_BYTES) });

    // when
    const { error } = await create(big);

    // then
    expect(error?.code).toBe(3);
    expect(error?.details).toMatch(/'variables' to be at most 2\.0 MB as JSON, but it is 2\.0 MB/);
    expect(error?.details).toContain('document store');
  });

  it('should refuse, through the engine API too, one variable over the limit and store nothing', async () => {
    // given
    const before = await gateway.db.query<{ c: number }>(
      'select count(*)::int as c from engine_event',
    );

    // when
    const refused = gateway.engine.createProcessInstance({
      bpmnProcessId: 'v',
      variables: { small: 1, scan: 'é'.repeat(MAX_VARIABLE_BYTES / 2 + 1) },
    });

    // then
    await expect(refused).rejects.toThrow(/variable 'scan' to be at most 2\.0 MB/);
    const after = await gateway.db.query<{ c: number }>(
      'select count(*)::int as c from engine_event',
    );
    expect(after.rows[0]!.c).toBe(before.rows[0]!.c);
  });

  it('should refuse a job completion whose variables are too large and keep the job', async () => {
    // given
    const { response } = await create('{}');
    const [job] = await gateway.engine.activateJobs(
      {
        type: 'vars',
        worker: 'w',
        timeout: 60_000,
        maxJobsToActivate: 1,
        fetchVariable: [],
        requestTimeout: 5000,
      },
      new AbortController().signal,
    );
    expect(job).toBeDefined();

    // when
    const { error } = await client.unary('CompleteJob', {
      jobKey: String(job!.key),
      variables: JSON.stringify({ scan: 'x'.repeat(MAX_VARIABLE_BYTES + 10) }),
    });
    const retry = await client.unary('CompleteJob', {
      jobKey: String(job!.key),
      variables: '{"ok":true}',
    });

    // then
    expect(error?.code).toBe(3);
    expect(retry.error).toBeNull();
    expect(response?.processInstanceKey).toBeDefined();
  });

  it('should answer random variables documents with success or INVALID_ARGUMENT only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 60 })),
        async (variables) => {
          // when
          const { error } = await create(variables);

          // then
          if (error) expect(error.code, error.details).toBe(3);
        },
      ),
      { seed: 11, numRuns: 40 },
    );
  });
});
