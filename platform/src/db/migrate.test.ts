import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../testing';
import type { Database } from './Database';
import { migrate } from './migrate';

describe(`migrate on ${testDatabaseKind}`, () => {
  let db: Database;
  let dir: string;

  beforeEach(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'balcao-migrations-'));
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, sql: string) => writeFileSync(path.join(dir, name), sql);
  const tables = async () =>
    (
      await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      )
    ).rows.map((r) => r.table_name);

  it('should apply pending migrations in order and record them', async () => {
    // given
    write('0001_create_a.sql', 'create table a (id int primary key);');
    write('0002_add_b.sql', 'create table b (id int primary key references a(id));');

    // when
    const result = await migrate(db, [{ namespace: 'test', dir }]);

    // then
    expect(result.applied).toEqual(['test/0001_create_a.sql', 'test/0002_add_b.sql']);
    expect(await tables()).toEqual(['a', 'b', 'balcao_migration']);
  });

  it('should be idempotent: a second run applies nothing', async () => {
    // given
    write('0001_create_a.sql', 'create table a (id int primary key);');
    await migrate(db, [{ namespace: 'test', dir }]);

    // when
    const second = await migrate(db, [{ namespace: 'test', dir }]);

    // then
    expect(second.applied).toEqual([]);
  });

  it('should leave the schema unchanged and name the file when a migration fails', async () => {
    // given
    write('0001_create_a.sql', 'create table a (id int primary key);');
    write('0002_broken.sql', 'create table c (id int);\nselect * from no_such_table;');

    // when
    const attempt = migrate(db, [{ namespace: 'test', dir }]);

    // then
    await expect(attempt).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringMatching(
        /Migration test\/0002_broken\.sql failed at line 2: .*no_such_table/,
      ),
    });
    expect(await tables()).toEqual([]);
  });

  it('should refuse a migration file edited after it was applied', async () => {
    // given
    write('0001_create_a.sql', 'create table a (id int primary key);');
    await migrate(db, [{ namespace: 'test', dir }]);
    write('0001_create_a.sql', 'create table a (id int primary key, extra text);');

    // when
    const attempt = migrate(db, [{ namespace: 'test', dir }]);

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
  });

  it('should refuse a misnamed migration file', async () => {
    // given
    write('create_a.sql', 'create table a (id int primary key);');

    // then
    await expect(migrate(db, [{ namespace: 'test', dir }])).rejects.toMatchObject({
      code: 'MIGRATION_INVALID_NAME',
      message: expect.stringContaining('test/create_a.sql'),
    });
  });

  it('should apply each file once when several starts race', async () => {
    // given
    write('0001_create_a.sql', 'create table a (id int primary key);');
    write('0002_seed.sql', 'insert into a values (1);');

    // when: five starts at once on the same database
    const results = await Promise.all(
      Array.from({ length: 5 }, () => migrate(db, [{ namespace: 'test', dir }])),
    );

    // then
    expect(results.flatMap((r) => r.applied)).toHaveLength(2);
    const count = await db.query<{ c: number }>('select count(*)::int as c from a');
    expect(count.rows[0]!.c).toBe(1);
  });
});
