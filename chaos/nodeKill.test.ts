import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startBalcaoNode, type BalcaoNode } from './balcaoNode';
import { deployChaosProcess, eventually, queryEngine, recipientOf } from './chaosProcess';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Two nodes on one PostgreSQL, the stand-in agencies outside them (they survive a node).
describe('nodes that share a database', { timeout: 600_000 }, () => {
  let scratch: { url: string; drop(): Promise<void> };
  let agencies: RunningAgencies;
  let a: BalcaoNode;
  let b: BalcaoNode;

  beforeAll(async () => {
    scratch = await createScratchPostgres(adminUrl);
    agencies = await startAgencies({ port: 0 });
    const node = (nodeId: string) =>
      startBalcaoNode({ databaseUrl: scratch.url, agenciesUrl: agencies.url, nodeId });
    a = await node('chaos-a');
    b = await node('chaos-b');
    await deployChaosProcess(a.camunda);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await agencies?.close();
    await scratch?.drop();
  }, 120_000);

  const start = (node: BalcaoNode, run: string, n: number) =>
    node.camunda.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: 'chaos',
      variables: { email: recipientOf(run, n), caseRef: `${run}-${n}` },
    });

  // Finished instances drop their variables: the event log still names each run's instances.
  const completed = (run: string) =>
    queryEngine<{ c: number }>(
      scratch.url,
      `select count(*)::int as c from engine_process_instance i
        where i.state = 'COMPLETED' and exists (
          select 1 from engine_event e
           where e.process_instance_key = i.key and e.value_type = 'VARIABLE'
             and e.value->>'name' = 'caseRef' and e.value->>'value' like $1)`,
      [`${run}-%`],
    ).then((rows) => rows[0]!.c);

  /** Notices the stand-in gateway sent to each recipient of the run. */
  const noticesPerRecipient = async (run: string, count: number) => {
    const counts: number[] = [];
    for (let n = 0; n < count; n++) {
      const res = await fetch(
        `${agencies.urls.notification}/notices?recipient=${encodeURIComponent(recipientOf(run, n))}`,
        { headers: { 'x-api-key': agencies.apiKeys.notification } },
      );
      counts.push(((await res.json()) as { notices: unknown[] }).notices.length);
    }
    return counts;
  };

  const activationsPerJob = () =>
    queryEngine<{ job: string; times: number }>(
      scratch.url,
      `select job, count(*)::int as times from engine_event,
         jsonb_array_elements_text(value->'jobKeys') as job
        where value_type = 'JOB_BATCH' and intent = 'ACTIVATED' group by job`,
    );

  it('should complete every instance under load on two nodes with no job activated twice', async () => {
    // given
    const count = 60;

    // when: both nodes take instances; both nodes' connectors compete for the jobs
    await Promise.all(
      Array.from({ length: count }, (_, n) => start(n % 2 === 0 ? a : b, 'load', n)),
    );

    // then
    await eventually('every load instance completed', async () =>
      (await completed('load')) === count ? true : undefined,
    );
    expect((await activationsPerJob()).filter((a) => a.times > 1)).toEqual([]);
    expect(await noticesPerRecipient('load', count)).toEqual(Array(count).fill(1));
  });

  it('should complete every instance exactly once after a node is killed mid-load', async () => {
    // given
    const count = 80;
    const killAt = 30;

    // A slow agency keeps jobs in the connectors' hands, so the kill catches some mid-call.
    agencies.faults.set('notification', { latencyMs: 1500 });
    const activatedBefore = await activationsPerJob();

    // when: instances keep coming through b while a dies with jobs in hand
    for (let n = 0; n < count; n++) {
      if (n === killAt) await a.kill();
      await start(n < killAt && n % 2 === 0 ? a : b, 'kill', n);
    }
    agencies.faults.clear('notification');
    a = await startBalcaoNode({
      databaseUrl: scratch.url,
      agenciesUrl: agencies.url,
      nodeId: 'chaos-a',
    });

    // then: jobs that a held time out and run again; the stand-in acts once per job
    await eventually(
      'every instance of the kill run completed',
      async () => ((await completed('kill')) === count ? true : undefined),
      240_000,
    );
    expect(await noticesPerRecipient('kill', count)).toEqual(Array(count).fill(1));
    // some jobs of the dead node were handed out again (so the single notice is idempotency's work)
    const reactivated = (await activationsPerJob()).filter(
      ({ job, times }) => times > 1 && !activatedBefore.some((b) => b.job === job),
    );
    expect(reactivated.length).toBeGreaterThan(0);
    const incidents = await queryEngine<{ c: number }>(
      scratch.url,
      'select count(*)::int as c from engine_incident',
    );
    expect(incidents[0]!.c).toBe(0);
  });
});
