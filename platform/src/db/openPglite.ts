import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult, Transaction } from './Database';
import { asDatabaseUnavailable } from './databaseUnavailable';
import { lockDataDir } from './dataDirLock';

const INT8 = 20;

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in this process, with its files
 * under `dataDir` (`memory://` keeps them in memory). One session: transactions run one after
 * another. `loadDataDir` starts from a dump (tests use it to skip initdb).
 */
export async function openPglite(options: {
  dataDir: string;
  loadDataDir?: Blob;
}): Promise<Database> {
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(options.dataDir);
  const pg = await PGlite.create(options.dataDir, {
    // Same value types as the pg driver gives (see openPostgres): int8 as a JS number.
    parsers: { [INT8]: parseInt8 },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  // A full DATA_DIR fails the statements that must grow a file and PGlite lives on (see
  // chaos/diskFull.test.ts): such errors are answered as PostgreSQL's are, as retryable.
  const queryable = (target: PGlite | PgliteTransaction): Queryable => ({
    async query<R extends object>(
      text: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<R>> {
      try {
        const result = await target.query<R>(text, params ? [...params] : undefined);
        return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
      } catch (error) {
        throw asDatabaseUnavailable(error);
      }
    },
    async exec(text: string) {
      try {
        await target.exec(text);
      } catch (error) {
        throw asDatabaseUnavailable(error);
      }
    },
  });
  const root = queryable(pg);
  return {
    kind: 'pglite',
    ...root,
    // A single session never meets serialization failures, so retryOnConflict has nothing to do.
    // In-process, a statement costs no round trip: the last one simply runs before COMMIT.
    transaction: (work) =>
      pg
        .transaction(async (inner) => {
          let last: { text: string; params: readonly unknown[] | undefined } | undefined;
          const tx: Transaction = {
            ...queryable(inner),
            commitWith(text, params) {
              if (last) throw new Error('commitWith: a transaction has only one last statement');
              last = { text, params };
            },
          };
          const result = await work(tx);
          if (last) await tx.query(last.text, last.params);
          return result;
        })
        .catch((error: unknown) => {
          throw asDatabaseUnavailable(error);
        }),
    async listen(channel, onNotify) {
      const unsubscribe = await pg.listen(channel, onNotify);
      return async () => unsubscribe();
    },
    async ping() {
      await pg.query('select 1');
    },
    async close() {
      if (!pg.closed) await pg.close();
      unlock();
    },
  };
}

/** Also used by the PGlite test template: dumps a fresh database so later opens skip initdb. */
export async function dumpFreshPglite(): Promise<Blob> {
  const pg = await PGlite.create('memory://');
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  return dump;
}

function parseInt8(value: string): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}
