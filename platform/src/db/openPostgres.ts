import type { Writable } from 'node:stream';
import pg from 'pg';
import type { Logger } from 'pino';
import {
  retryableSqlStates,
  sqlState,
  type Database,
  type Queryable,
  type QueryResult,
  type Transaction,
} from './Database';
import { asDatabaseUnavailable } from './databaseUnavailable';
import { StatementNames } from './StatementNames';

const INT8 = 20;
/** Raised, among others, for "cached plan must not change result type". */
const FEATURE_NOT_SUPPORTED = '0A000';

/**
 * A PostgreSQL server reached by URL. Transactions take a pooled connection; LISTEN keeps one
 * connection of its own and re-subscribes after the server comes back. Connections run in
 * pipeline mode: a statement is sent at once, before the answers to earlier ones arrive, so
 * BEGIN travels with a transaction's first statement and COMMIT with its last. Statements with
 * parameters are prepared once per connection (see StatementNames).
 */
export function openPostgres(options: { url: string; poolSize?: number; log?: Logger }): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    pipeline: true,
    connectionTimeoutMillis: 10_000,
    // JIT compiles a plan whose estimated cost crosses a threshold, which costs 30-50 ms: far
    // more than any of Balcão's short queries runs, and it struck at random as tables grew.
    options: '-c jit=off',
    types: { getTypeParser: typeParser },
  });
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on('error', (error) =>
    options.log?.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects'),
  );

  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends object>(
      text: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<R>> {
      const values = params ? [...params] : undefined;
      const name = values && values.length > 0 ? statementNames.nameOf(text) : undefined;
      // On a held connection, statements issued in one go (Promise.all) leave in one write.
      if (target !== pool) writeTogether(target as pg.PoolClient);
      try {
        const result = await target.query<R>(name ? { name, text, values } : { text, values });
        return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        if (name && sqlState(error) === FEATURE_NOT_SUPPORTED) statementNames.rename(text);
        throw asDatabaseUnavailable(error);
      }
    },
    async exec(text: string) {
      try {
        await target.query(text);
      } catch (error) {
        throw asDatabaseUnavailable(error);
      }
    },
  });

  const statementNames = new StatementNames();
  const listener = new Listener(pool, options.log);

  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work, txOptions = {}) {
      for (let attempt = 0; ; attempt++) {
        const client = await connect(pool);
        let broken = false;
        // A checked-out client that loses its connection emits 'error' (the pool only watches
        // idle ones); unhandled, that would end the process. The query in flight fails too.
        const onLost = (error: Error) => {
          broken = true;
          options.log?.warn({ err: error }, 'PostgreSQL connection lost during a transaction');
        };
        client.on('error', onLost);
        try {
          // Not awaited: BEGIN goes out with the first statement of `work`. It can only fail with
          // the connection, and then every statement behind it fails too.
          writeTogether(client);
          const begun = client.query('BEGIN');
          begun.catch(() => undefined);
          let last: { text: string; params: readonly unknown[] | undefined } | undefined;
          const tx: Transaction = {
            ...queryable(client),
            commitWith(text, params) {
              if (last) throw new Error('commitWith: a transaction has only one last statement');
              last = { text, params };
            },
          };
          const result = await work(tx);
          await begun;
          writeTogether(client);
          const [, commit] = await Promise.all([
            last ? tx.query(last.text, last.params) : undefined,
            client.query('COMMIT'),
          ]);
          // PostgreSQL answers COMMIT with ROLLBACK when a statement of the transaction failed
          // (its error swallowed by `work`): nothing was saved, which the caller must hear.
          if (commit.command !== 'COMMIT')
            throw new Error(
              'The transaction was rolled back at COMMIT because one of its statements failed.',
            );
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          const state = sqlState(error);
          if (state && retryableSqlStates.has(state) && attempt < (txOptions.retryOnConflict ?? 0))
            continue;
          throw asDatabaseUnavailable(error);
        } finally {
          client.off('error', onLost);
          client.release(broken);
        }
      }
    },
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * Holds the connection's writes until the end of this tick, so the statements issued together
 * (BEGIN with the work's first ones; those of a Promise.all; the last with COMMIT) leave in one
 * socket write: a write per statement was a third of the node's CPU under load. Corks nest, so
 * the write happens once every statement of the tick has been queued.
 */
function writeTogether(client: pg.PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection
    ?.stream;
  if (!stream?.cork || !stream.uncork) return;
  stream.cork();
  process.nextTick(() => stream.uncork?.());
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw asDatabaseUnavailable(error);
  }
}

/** One connection for all LISTENs of this process, re-established when it drops. */
class Listener {
  private client: pg.PoolClient | undefined;
  private connecting: Promise<pg.PoolClient> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger | undefined,
  ) {}

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(onNotify);
    return async () => {
      set.delete(onNotify);
      if (set.size === 0 && this.handlers.get(channel) === set) {
        this.handlers.delete(channel);
        await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  close(): Promise<void> {
    this.closed = true;
    this.client?.release(true);
    this.client = undefined;
    return Promise.resolve();
  }

  private connect(): Promise<pg.PoolClient> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.pool.connect().then((client) => {
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? [])
          handler(message.payload ?? '');
      });
      client.on('error', (error) => {
        this.log?.warn({ err: error }, 'PostgreSQL LISTEN connection lost; reconnecting');
        client.release(true);
        this.client = undefined;
        this.scheduleReconnect();
      });
      this.client = client;
      this.connecting = undefined;
      return client;
    });
    return this.connecting.catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
  }

  private scheduleReconnect(): void {
    if (this.closed || this.handlers.size === 0) return;
    setTimeout(() => {
      this.connect()
        .then(async (client) => {
          for (const channel of this.handlers.keys())
            await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        })
        .catch(() => this.scheduleReconnect());
    }, 1000).unref();
  }
}

// int8 as a JS number (same as openPglite), everything else as pg parses it by default.
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8
    ? parseInt8
    : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser;

function parseInt8(value: string): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}
