/** A row as both drivers return it: column name → parsed value. */
export type Row = Record<string, unknown>;

export interface QueryResult<R extends object = Row> {
  rows: R[];
  /** Rows returned, or rows changed by INSERT / UPDATE / DELETE. */
  rowCount: number;
}

/** What code inside and outside a transaction may run. */
export interface Queryable {
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
}

/** What `work` receives inside a transaction. */
export interface Transaction extends Queryable {
  /**
   * Runs `text` as the transaction's last statement, sent together with its COMMIT (one round
   * trip on a server). Call it at most once, as the last thing `work` does; the transaction
   * fails, and nothing is committed, when the statement fails.
   */
  commitWith(text: string, params?: readonly unknown[]): void;
}

export interface TransactionOptions {
  /**
   * Run `work` again (up to this many times) when PostgreSQL aborts the transaction for a
   * serialization failure or a deadlock. `work` must then have no effects outside the database.
   */
  retryOnConflict?: number;
}

/**
 * The one database interface of Balcão, served by PGlite (embedded) and by a PostgreSQL
 * server. Same SQL dialect on both; see docs/adr/0003-postgresql-and-pglite.md for limits.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Commits when `work` resolves, rolls back when it throws (and rethrows). Statements that
   * `work` issues without awaiting the previous one travel together (one round trip on a server)
   * and run in the order issued.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** LISTEN on a channel; the returned function unsubscribes. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL SQLSTATEs after which the same transaction may succeed when run again. */
export const retryableSqlStates: ReadonlySet<string> = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
