import type { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startBalcaoNode, type BalcaoNode } from './balcaoNode';
import { deployChaosProcess, eventually, queryEngine } from './chaosProcess';
import { createChaosInstance, directClient, signInAsCitizen } from './directClient';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Restarting the shared PostgreSQL server would hurt every other test on this machine, so a
// lost server is its connections killed. A read-only database is one in maintenance or a
// standby; a real full disk is in diskFull.test.ts.
describe('a database that drops connections or refuses writes', { timeout: 600_000 }, () => {
  let scratch: { url: string; drop(): Promise<void> };
  let name: string;
  let node: BalcaoNode;
  let direct: Camunda8;

  beforeAll(async () => {
    scratch = await createScratchPostgres(adminUrl);
    name = new URL(scratch.url).pathname.slice(1);
    node = await startBalcaoNode({
      databaseUrl: scratch.url,
      nodeId: 'chaos-db',
    });
    await deployChaosProcess(node.camunda);
    direct = directClient(node.gateway);
  }, 600_000);

  afterAll(async () => {
    await direct
      ?.getZeebeGrpcApiClient()
      .close(1000)
      .catch(() => undefined);
    await node?.stop();
    await scratch?.drop();
  }, 120_000);

  const dropConnections = () =>
    queryEngine(
      adminUrl,
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [name],
    );

  const create = (caseRef: string) => createChaosInstance(direct, caseRef);
  const login = () => signInAsCitizen(node.url);

  it('should answer with retryable errors while connections drop, then reconnect by itself', async () => {
    // when: the node's connections are killed again and again while instances are created
    const answers: Awaited<ReturnType<typeof create>>[] = [];
    for (let n = 0; n < 24; n++) {
      if (n % 4 === 0) await dropConnections();
      answers.push(await create(`lost-${n}`));
    }

    // then: each answer is a success or UNAVAILABLE (a client retries), never an internal error
    for (const answer of answers) if (!answer.ok) expect(answer.code, answer.message).toBe(14);
    // every confirmed instance is stored whole (its job waits); nothing is stored half
    const stored = await queryEngine<{ key: string; jobs: number }>(
      scratch.url,
      `select i.key::text, (select count(*)::int from engine_job j where j.process_instance_key = i.key) as jobs
         from engine_process_instance i`,
    );
    const confirmed = answers.flatMap((a) => (a.ok ? [a.key] : []));
    for (const key of confirmed) expect(stored.map((s) => s.key)).toContain(key);
    for (const row of stored) expect(row.jobs).toBe(1);
    // and the node serves again without a restart
    await eventually('a create succeeds after the drops', async () =>
      (await create('after-drops')).ok ? true : undefined,
    );
    expect((await login()).status).toBe(200);
  });

  it('should answer 503 and UNAVAILABLE with a clear message while the database is read-only, writing nothing', async () => {
    // given
    const before = await queryEngine<{ c: number }>(
      scratch.url,
      'select (select count(*) from engine_event) + (select count(*) from engine_process_instance) as c',
    );
    await queryEngine(adminUrl, `alter database ${name} set default_transaction_read_only = on`);
    await dropConnections();

    try {
      // when
      const created = await eventually('the gateway to refuse writes', async () => {
        const answer = await create('read-only');
        return answer.ok ? undefined : answer;
      });
      const signIn = await login();

      // then
      expect(created.code).toBe(14);
      expect(created.message).toMatch(/read-only/);
      expect(signIn.status).toBe(503);
      const body = (await signIn.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.error.message).toMatch(/read-only/);
      const after = await queryEngine<{ c: number }>(
        scratch.url,
        'select (select count(*) from engine_event) + (select count(*) from engine_process_instance) as c',
      );
      expect(after[0]!.c).toEqual(before[0]!.c);
    } finally {
      await queryEngine(adminUrl, `alter database ${name} reset default_transaction_read_only`);
      await dropConnections();
    }

    // and writes work again once the database accepts them
    await eventually('a create succeeds after read-only ends', async () =>
      (await create('writable-again')).ok ? true : undefined,
    );
  });
});
