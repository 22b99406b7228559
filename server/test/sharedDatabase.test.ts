import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startProcess, type RunningNode } from './startProcess';

const adminUrl = process.env.DATABASE_URL;

// Several nodes on one PostgreSQL server: they start together and apply migrations once.
describe.runIf(adminUrl)('npm start with DATABASE_URL', () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('should apply migrations once when two processes start together', async () => {
    // given
    const scratch = await createScratchPostgres(adminUrl!);
    cleanups.push(() => scratch.drop());

    // when
    const nodes: RunningNode[] = await Promise.all([
      startProcess({ DATABASE_URL: scratch.url, NODE_ID: 'node-a' }),
      startProcess({ DATABASE_URL: scratch.url, NODE_ID: 'node-b' }),
    ]);
    cleanups.push(() => Promise.all(nodes.map((n) => n.stop())));

    // then
    for (const node of nodes) expect((await fetch(`${node.url}/ready`)).status).toBe(200);
    const appliedBy = nodes.filter((n) => /applied \d+ database migration\(s\)/.test(n.output()));
    expect(appliedBy).toHaveLength(1);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const migrations = await client.query('select namespace, version from balcao_migration');
    const registered = await client.query('select id from balcao_node order by id');
    await client.end();
    expect(migrations.rows).toContainEqual({ namespace: 'server', version: 1 });
    expect(registered.rows).toEqual([{ id: 'node-a' }, { id: 'node-b' }]);
  });
});
