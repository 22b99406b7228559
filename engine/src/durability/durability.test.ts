import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '@balcao/platform';
import { createScratchPostgres } from '@balcao/platform/testing';
import { runNode, type NodeProcess } from './runNode';

const adminUrl = process.env.DATABASE_URL;

/** Where the nodes of one test keep their data: a scratch PostgreSQL database or a PGlite folder. */
async function storage(): Promise<{
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}> {
  if (adminUrl) {
    const scratch = await createScratchPostgres(adminUrl);
    return {
      env: { DATABASE_URL: scratch.url },
      open: async () => openPostgres({ url: scratch.url }),
      drop: () => scratch.drop(),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balcao-durable-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    open: () => openPglite({ dataDir: path.join(dir, 'pglite') }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function verify(db: Database, instances: number): Promise<void> {
  const completed = await db.query<{ c: number }>(
    "select count(*)::int as c from engine_process_instance where state = 'COMPLETED'",
  );
  const jobsCreated = await db.query<{ c: number }>(
    "select count(*)::int as c from engine_event where value_type = 'JOB' and intent = 'CREATED'",
  );
  const completions = await db.query<{ key: number; c: number }>(
    "select key, count(*)::int as c from engine_event where value_type = 'JOB' and intent = 'COMPLETED' group by key having count(*) <> 1",
  );
  const jobCompletions = await db.query<{ c: number }>(
    "select count(distinct key)::int as c from engine_event where value_type = 'JOB' and intent = 'COMPLETED'",
  );
  expect(completed.rows[0]!.c).toBe(instances);
  expect(jobsCreated.rows[0]!.c).toBe(instances);
  expect(jobCompletions.rows[0]!.c).toBe(instances);
  expect(completions.rows).toEqual([]);
}

describe(`durability (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  const nodes: NodeProcess[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.kill('SIGKILL')));
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it(
    'should complete every instance, each job exactly once, after the engine process is killed',
    { timeout: 240_000 },
    async () => {
      // given: 1,000 instances running in an engine process
      const store = await storage();
      cleanups.push(() => store.drop());
      const first = runNode({ ...store.env, CREATE: '1000' });
      nodes.push(first);
      await first.until((l) => typeof l.completed === 'number' && l.completed >= 200);

      // when: SIGKILL mid-run, then a new process on the same data
      await first.kill('SIGKILL');
      nodes.pop();
      const second = runNode(store.env);
      nodes.push(second);
      await second.until((l) => l.completed === 1000, 180_000);
      await second.kill('SIGTERM');
      nodes.pop();

      // then
      const db = await store.open();
      try {
        await verify(db, 1000);
      } finally {
        await db.close();
      }
    },
  );

  it.runIf(adminUrl)(
    'should run 2,000 instances on two engine processes sharing PostgreSQL without handing a job to two workers',
    { timeout: 240_000 },
    async () => {
      // given
      const store = await storage();
      cleanups.push(() => store.drop());

      // when: two nodes start together, each creating 1,000 instances, and both work on all jobs
      const a = runNode({ ...store.env, CREATE: '1000', JOB_TIMEOUT: '120000' });
      const b = runNode({ ...store.env, CREATE: '1000', JOB_TIMEOUT: '120000' });
      nodes.push(a, b);
      await b.until((l) => l.completed === 2000, 180_000);

      // then
      const db = await store.open();
      try {
        await verify(db, 2000);
        const activatedTwice = await db.query(
          `select job_key from engine_event, jsonb_array_elements_text(value->'jobKeys') as job_key
          where value_type = 'JOB_BATCH' group by job_key having count(*) > 1`,
        );
        const workers = await db.query<{ w: string }>(
          "select distinct value->>'worker' as w from engine_event where value_type = 'JOB_BATCH'",
        );
        expect(activatedTwice.rows).toEqual([]);
        expect(workers.rowCount).toBe(2);
      } finally {
        await db.close();
      }
    },
  );
});
