import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScratchPostgres } from '../testing';
import type { Database } from './Database';
import { asDatabaseUnavailable } from './databaseUnavailable';
import { openPostgres } from './openPostgres';

// Faults only a server has: its connections dropped, the database switched to read-only.
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('PostgreSQL unavailable', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let db: Database;
  let name: string;

  beforeEach(async () => {
    scratch = await createScratchPostgres(adminUrl);
    name = new URL(scratch.url).pathname.slice(1);
    db = openPostgres({ url: scratch.url, poolSize: 2 });
    await db.exec('create table item (id int primary key)');
  });

  afterEach(async () => {
    await db.close();
    await scratch.drop();
  });

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  it('should answer a lost connection with a retryable error and reconnect by itself', async () => {
    // given: a transaction holds a connection when the server drops it
    const dropped = db.transaction(async (tx) => {
      await tx.query('insert into item values (1)');
      await admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );
      await tx.query('insert into item values (2)');
    });

    // then
    await expect(dropped).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      message: expect.stringContaining('connection to the database was lost') as unknown,
    });
    await db.transaction((tx) => tx.query('insert into item values (3)'));
    const rows = await db.query<{ id: number }>('select id from item order by id');
    expect(rows.rows).toEqual([{ id: 3 }]);
  });

  it('should answer writes to a read-only database with a retryable error naming it', async () => {
    // given: new sessions start read-only; the pool's sessions are replaced
    await admin(`alter database ${name} set default_transaction_read_only = on`);
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );
    await db.query('select 1').catch(() => undefined);

    // when
    const write = db.transaction((tx) => tx.query('insert into item values (1)'));

    // then
    await expect(write).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      message: expect.stringContaining('read-only') as unknown,
    });
    await admin(`alter database ${name} reset default_transaction_read_only`);
  });
});

describe('asDatabaseUnavailable', () => {
  it('should tell a full disk from a lost connection, with what to do', () => {
    // given: what node-postgres raises when a table cannot grow (see chaos/diskFull.test.ts)
    const diskFull = Object.assign(
      new Error('could not extend file "base/16384/16385": No space left on device'),
      { code: '53100' },
    );

    // when
    const mapped = asDatabaseUnavailable(diskFull);

    // then
    expect(mapped).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      cause: diskFull,
      message: expect.stringMatching(/disk is full.*nothing was saved.*free space/i) as unknown,
    });
  });
});
