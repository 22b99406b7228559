import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '@balcao/platform';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startBalcaoNode, type BalcaoNode } from './balcaoNode';
import { deployChaosProcess, eventually, queryEngine } from './chaosProcess';
import { createChaosInstance, directClient, signInAsCitizen } from './directClient';
import { mountSmallDisk, whyNoSmallDisk, type SmallDisk } from './smallDisk';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The OS user the local PostgreSQL server runs as: it must own the tablespace's directory. */
const serverUser = 'postgres';
const diskFullMessage = /disk is full.*nothing was saved.*free space/i;

const noDisk = whyNoSmallDisk();
const noTablespace = noDisk ?? whyNoTablespace();
if (noTablespace) console.warn(`diskFull.test.ts: the PostgreSQL case is skipped: ${noTablespace}`);
if (noDisk) console.warn(`diskFull.test.ts: the embedded database case is skipped: ${noDisk}`);

describe('a database whose disk fills up', () => {
  // The shared server's scratch database lives in a tablespace on a small tmpfs. Only its files
  // are there (WAL stays in the server's data directory), so a full disk fails the statements
  // that must grow a file, never the server.
  describe.skipIf(noTablespace !== undefined)('on PostgreSQL', () => {
    const tablespace = `balcao_test_disk_${randomBytes(4).toString('hex')}`;
    let disk: SmallDisk | undefined;
    let tablespaceCreated = false;
    let scratch: { url: string; drop(): Promise<void> } | undefined;
    let node: BalcaoNode | undefined;

    beforeAll(async () => {
      // Room for a freshly migrated database (about 10 MB, most of it template1's catalogue).
      disk = mountSmallDisk(32, serverUser);
      await queryEngine(adminUrl, `create tablespace ${tablespace} location '${disk.dir}'`);
      tablespaceCreated = true;
      scratch = await createScratchPostgres(adminUrl, { tablespace });
      node = await startBalcaoNode({ databaseUrl: scratch.url, nodeId: 'chaos-disk-pg' });
    }, 600_000);

    afterAll(
      () =>
        inTurn([
          () => node?.stop(),
          () => scratch?.drop(),
          () => tablespaceCreated && queryEngine(adminUrl, `drop tablespace ${tablespace}`),
          () => disk?.remove(),
        ]),
      180_000,
    );

    it('should answer 503 and UNAVAILABLE saying the disk is full, store nothing half, and recover once space is freed', async () => {
      const confirmed = await fillAndRecover(node!, disk!);
      await expectStoredWhole((sql) => queryEngine(scratch!.url, sql), confirmed);
    });
  });

  // PGlite keeps its WAL in the same DATA_DIR, but in a 16 MB segment written in place: a full
  // disk fails only the statements that grow a table (53100) there too, and PGlite lives on
  // (seen over 28,000 refused writes in a row).
  describe.skipIf(noDisk !== undefined)('on the embedded database', () => {
    let disk: SmallDisk | undefined;
    let node: BalcaoNode | undefined;

    beforeAll(async () => {
      // Room for a fresh DATA_DIR (about 40 MB, a 16 MB WAL segment included).
      disk = mountSmallDisk(64);
      node = await startBalcaoNode({ nodeId: 'chaos-disk-pglite', env: { DATA_DIR: disk.dir } });
    }, 600_000);

    afterAll(() => inTurn([() => node?.stop(), () => disk?.remove()]), 180_000);

    it('should answer 503 and UNAVAILABLE saying the disk is full, store nothing half, and recover once space is freed', async () => {
      const confirmed = await fillAndRecover(node!, disk!);

      // and after a restart the DATA_DIR holds exactly the confirmed instances, each whole
      await node!.stop();
      const db = await openPglite({ dataDir: path.join(disk!.dir, 'pglite') });
      try {
        await expectStoredWhole(async (sql) => (await db.query<object>(sql)).rows, confirmed);
      } finally {
        await db.close();
      }
    });
  });
});

/**
 * Fills the node's disk after 50 instances, creates instances (and signs in) until refused,
 * checks the refusals, frees the disk and checks that the same node writes again. Returns
 * the keys of the instances the gateway confirmed.
 */
async function fillAndRecover(node: BalcaoNode, disk: SmallDisk): Promise<string[]> {
  await deployChaosProcess(node.camunda);
  const direct = directClient(node.gateway);
  const create = (caseRef: string) => createChaosInstance(direct, caseRef);
  const login = () => signInAsCitizen(node.url);

  try {
    // given: instances stored before, so the tables have pages with room left in them
    const before = await Promise.all(Array.from({ length: 50 }, (_, n) => create(`before-${n}`)));
    expect(before.every((a) => a.ok)).toBe(true);
    // and not one byte left on the database's disk
    disk.fill();

    // when: instances are created until the tables' free room is used up and writes are refused
    const answers: Awaited<ReturnType<typeof create>>[] = [];
    const refusedInARow = () => answers.length - 1 - answers.findLastIndex((a) => a.ok);
    for (let n = 0; n < 3000 && refusedInARow() < 3; n++) answers.push(await create(`full-${n}`));
    // and someone signs in for the first time: their session needs a table that has no page yet
    const signIn = await login();

    // then: refusals are retryable and say what happened and what to do
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const answer of refused) {
      expect(answer.code, answer.message).toBe(14);
      expect(answer.message).toMatch(diskFullMessage);
    }
    expect(signIn.status).toBe(503);
    const body = (await signIn.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.error.message).toMatch(diskFullMessage);

    // when: the space is freed
    disk.free();

    // then: the same node writes again, without a restart
    const again = await eventually('a create succeeds once space is freed', async () => {
      const answer = await create('space-again');
      return answer.ok ? answer : undefined;
    });
    expect((await login()).status).toBe(200);
    expect(node.child.exitCode).toBeNull();
    return [...before, ...answers, again].flatMap((a) => (a.ok ? [a.key] : []));
  } finally {
    await direct
      .getZeebeGrpcApiClient()
      .close(1000)
      .catch(() => undefined);
  }
}

/**
 * Every confirmed instance is stored whole (its caseRef, its waiting job, as many events as
 * the others) and not a row of any other: a transaction that could not grow one table left
 * nothing in the others.
 */
async function expectStoredWhole(
  query: (sql: string) => Promise<object[]>,
  confirmed: string[],
): Promise<void> {
  const stored = (await query(
    `select i.key::text, v.value #>> '{}' as "caseRef",
            (select count(*)::int from engine_job j where j.process_instance_key = i.key) as jobs,
            (select count(*)::int from engine_event e where e.process_instance_key = i.key) as events
       from engine_process_instance i
       left join engine_variable v on v.scope_key = i.key and v.name = 'caseRef'`,
  )) as { key: string; caseRef: string | null; jobs: number; events: number }[];
  expect(stored.map((s) => s.key).sort()).toEqual([...confirmed].sort());
  for (const row of stored)
    expect(row).toMatchObject({ caseRef: expect.any(String), jobs: 1, events: stored[0]!.events });
  const orphans = (await query(
    ['engine_event', 'engine_variable', 'engine_job']
      .map(
        (table) =>
          `select '${table}' as "table", count(*)::int as rows from ${table} t
            where t.process_instance_key is not null
              and not exists (select 1 from engine_process_instance i where i.key = t.process_instance_key)`,
      )
      .join(' union all '),
  )) as { table: string; rows: number }[];
  expect(orphans.filter((o) => o.rows > 0)).toEqual([]);
}

/** Runs every clean-up step whatever failed before it: nothing of a test may stay behind. */
async function inTurn(steps: (() => unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps)
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  if (failures.length) throw new AggregateError(failures, 'cleaning up after the full disk');
}

function whyNoTablespace(): string | undefined {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname))
    return 'the tablespace must be on the PostgreSQL server, which is not on this machine';
  try {
    execFileSync('id', ['-u', serverUser], { stdio: 'ignore' });
  } catch {
    return `there is no OS user ${serverUser} to own the tablespace`;
  }
  return undefined;
}
