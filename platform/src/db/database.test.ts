import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../testing';
import type { Database } from './Database';

// Conformance: the same expectations hold on PGlite and on a PostgreSQL server
// (CI runs this file twice, the second time with DATABASE_URL set).
describe(`Database on ${testDatabaseKind}`, () => {
  let db: Database;

  beforeEach(async () => {
    db = await openTestDatabase();
    await db.exec(
      'create table item (id serial primary key, name text not null, n int8 not null default 0, doc jsonb, at timestamptz default now())',
    );
  });

  afterEach(async () => {
    await db.close();
  });

  it('should run parameterised queries and parse values the same way', async () => {
    // when
    const inserted = await db.query<{ id: number; n: number; doc: unknown; at: Date }>(
      'insert into item (name, n, doc) values ($1, $2, $3) returning id, n, doc, at',
      ['a', 2251799813685249, { ok: true }],
    );

    // then
    expect(inserted.rowCount).toBe(1);
    const row = inserted.rows[0]!;
    expect(row.n).toBe(2251799813685249);
    expect(row.doc).toEqual({ ok: true });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('should report rows changed by an update', async () => {
    // given
    await db.exec("insert into item (name) values ('a'), ('b'), ('c')");

    // when
    const updated = await db.query("update item set n = n + 1 where name <> 'c'");

    // then
    expect(updated.rowCount).toBe(2);
  });

  it('should commit a transaction when the work resolves', async () => {
    // when
    const id = await db.transaction(async (tx) => {
      const r = await tx.query<{ id: number }>(
        "insert into item (name) values ('kept') returning id",
      );
      return r.rows[0]!.id;
    });

    // then
    const found = await db.query('select name from item where id = $1', [id]);
    expect(found.rows).toEqual([{ name: 'kept' }]);
  });

  it('should roll back everything when the work throws', async () => {
    // when
    const attempt = db.transaction(async (tx) => {
      await tx.query("insert into item (name) values ('lost')");
      throw new Error('boom');
    });

    // then
    await expect(attempt).rejects.toThrow('boom');
    const count = await db.query<{ c: number }>('select count(*)::int as c from item');
    expect(count.rows[0]!.c).toBe(0);
  });

  it('should run statements issued without waiting in the order issued', async () => {
    // when: three statements go out before any answer is read
    const names = await db.transaction(async (tx) => {
      const [, , read] = await Promise.all([
        tx.query("insert into item (name) values ('first')"),
        tx.query("update item set name = name || '+second'"),
        tx.query<{ name: string }>('select name from item'),
      ]);
      return read.rows.map((r) => r.name);
    });

    // then
    expect(names).toEqual(['first+second']);
  });

  it('should commit the last statement given with commitWith', async () => {
    // when
    await db.transaction(async (tx) => {
      await tx.query("insert into item (name) values ('a')");
      tx.commitWith('insert into item (name) values ($1)', ['b']);
    });

    // then
    const found = await db.query<{ name: string }>('select name from item order by name');
    expect(found.rows.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('should commit nothing when the last statement fails', async () => {
    // when: the last statement breaks the not-null constraint
    const attempt = db.transaction(async (tx) => {
      await tx.query("insert into item (name) values ('a')");
      tx.commitWith('insert into item (name) values ($1)', [null]);
    });

    // then
    await expect(attempt).rejects.toThrow(/null value/);
    const count = await db.query<{ c: number }>('select count(*)::int as c from item');
    expect(count.rows[0]!.c).toBe(0);
  });

  it('should reject a transaction whose failed statement the work ignored', async () => {
    // when: the error is swallowed, so the database rolls back at COMMIT
    const attempt = db.transaction(async (tx) => {
      await tx.query("insert into item (name) values ('a')");
      await tx.query('insert into item (name) values (null)').catch(() => undefined);
    });

    // then
    await expect(attempt).rejects.toThrow();
    const count = await db.query<{ c: number }>('select count(*)::int as c from item');
    expect(count.rows[0]!.c).toBe(0);
  });

  it('should not lose committed rows under concurrent transactions', async () => {
    // given
    await db.exec("insert into item (name, n) values ('counter', 0)");

    // when: 60 transactions at once, each inserting a row and incrementing a shared counter
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query('insert into item (name) values ($1)', [`row-${i}`]);
          await tx.query("update item set n = n + 1 where name = 'counter'");
        }),
      ),
    );

    // then
    const rows = await db.query<{ c: number }>(
      "select count(*)::int as c from item where name like 'row-%'",
    );
    const counter = await db.query<{ n: number }>("select n from item where name = 'counter'");
    expect(rows.rows[0]!.c).toBe(60);
    expect(counter.rows[0]!.n).toBe(60);
  });

  it('should hand each row to one taker with FOR UPDATE SKIP LOCKED', async () => {
    // given
    await db.exec("insert into item (name) select 'job-' || g from generate_series(1, 20) g");

    // when: four takers claim up to 5 rows each, concurrently
    const claims = await Promise.all(
      Array.from({ length: 4 }, () =>
        db.transaction(async (tx) => {
          const r = await tx.query<{ id: number }>(
            'select id from item where n = 0 order by id limit 5 for update skip locked',
          );
          const ids = r.rows.map((x) => x.id);
          await tx.query('update item set n = 1 where id = any($1::int[])', [ids]);
          return ids;
        }),
      ),
    );

    // then
    const all = claims.flat();
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
  });

  it('should deliver notifications to listeners', async () => {
    // given
    const received: string[] = [];
    const unlisten = await db.listen('balcao_test', (payload) => received.push(payload));

    // when
    await db.query("select pg_notify('balcao_test', 'hello')");
    await waitFor(() => received.length > 0);
    await unlisten();
    await db.query("select pg_notify('balcao_test', 'after')");
    await new Promise((r) => setTimeout(r, 100));

    // then
    expect(received).toEqual(['hello']);
  });

  it.skipIf(testDatabaseKind !== 'postgres')(
    'should prepare a statement with parameters once per connection and reuse it',
    async () => {
      // given
      const text = 'select count(*)::int as c from item where n >= $1';

      // when: the same text twice on one connection
      const seen = await db.transaction(async (tx) => {
        await tx.query(text, [0]);
        await tx.query(text, [1]);
        return tx.query<{ statement: string }>(
          'select statement from pg_prepared_statements where statement = $1',
          [text],
        );
      });

      // then
      expect(seen.rows).toEqual([{ statement: text }]);
    },
  );

  it.skipIf(testDatabaseKind !== 'postgres')(
    'should run without JIT compilation, whatever the server says',
    async () => {
      const { rows } = await db.query<{ jit: string }>('show jit');

      expect(rows).toEqual([{ jit: 'off' }]);
    },
  );

  it.skipIf(testDatabaseKind !== 'postgres')(
    'should send BEGIN with the statements issued with it, and the last with COMMIT, in one write each',
    async () => {
      // given a connection already open
      await db.transaction((tx) => tx.query('select $1::int as n', [1]));
      type Write = (...args: unknown[]) => void;
      const socket = net.Socket.prototype as unknown as { _write: Write; _writev: Write };
      const writes = [vi.spyOn(socket, '_write'), vi.spyOn(socket, '_writev')];

      // when: two statements issued together, then one given as the last
      await db.transaction(async (tx) => {
        await Promise.all([tx.query('select $1::int', [1]), tx.query('select $1::int', [2])]);
        tx.commitWith('select $1::int', [3]);
      });

      // then: BEGIN and the two statements, then the last and COMMIT
      const count = writes.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
      for (const spy of writes) spy.mockRestore();
      expect(count).toBe(2);
    },
  );

  it.skipIf(testDatabaseKind !== 'postgres')(
    'should send the statements a transaction issues together later on in one write',
    async () => {
      // given a transaction under way
      await db.transaction((tx) => tx.query('select $1::int as n', [1]));
      type Write = (...args: unknown[]) => void;
      const socket = net.Socket.prototype as unknown as { _write: Write; _writev: Write };
      let count = 0;
      await db.transaction(async (tx) => {
        await tx.query('select $1::int', [1]);
        const writes = [vi.spyOn(socket, '_write'), vi.spyOn(socket, '_writev')];

        // when: three statements issued in one go (a page, its count and a lookup)
        await Promise.all([
          tx.query('select $1::int', [2]),
          tx.query('select $1::int', [3]),
          tx.query('select $1::int', [4]),
        ]);

        // then: they left together
        count = writes.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
        for (const spy of writes) spy.mockRestore();
      });
      expect(count).toBe(1);
    },
  );

  it('should recover when a prepared statement no longer fits its table', async () => {
    // given: a prepared `select *`, then a column added (a migration run by another node)
    const text = 'select * from item where id = $1';
    await db.query("insert into item (name) values ('a')");
    const onEveryConnection = () =>
      Promise.all(Array.from({ length: 12 }, () => db.query(text, [1])));
    for (let i = 0; i < 3; i++) await onEveryConnection();
    await db.exec('alter table item add column extra text');

    // when: the first use may fail on PostgreSQL ("cached plan must not change result type")
    await db.query(text, [1]).catch(() => undefined);
    const rows = await onEveryConnection();

    // then: every later use works, on every connection of the pool
    for (const result of rows) expect(Object.keys(result.rows[0]!)).toContain('extra');
  });

  it('should answer a ping', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
