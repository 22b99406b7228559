import type { Queryable } from '@balcao/platform';
import type { EngineState } from './EngineState';
import { rowFromJson, tables, type TableName } from './tables';

/** The tables whose rows belong to a process instance tree, loaded together for a command. */
const instanceTables = [
  'processInstances',
  'elementInstances',
  'variables',
  'jobs',
  'timers',
  'messageSubscriptions',
  'incidents',
  'userTasks',
  'signalSubscriptions',
  'compensationSubscriptions',
] as const satisfies readonly TableName[];

/**
 * Locks process instance trees (by their roots, in the order given) and loads all their live
 * state. Every command on a tree takes this lock first, so commands on one tree run one at a
 * time across all engine nodes. The statements go out together (one round trip): each load
 * runs after its lock is held, so it reads what the tree's previous command committed.
 * Returns the roots that do not exist.
 */
export async function loadInstanceStates(
  tx: Queryable,
  state: EngineState,
  rootKeys: readonly number[],
): Promise<number[]> {
  const sent = rootKeys.flatMap((root) => [
    tx.query('select key from engine_process_instance where key = $1 for update', [root]),
    tx.query(loadTreeSql, [root]),
  ]);
  const results = await Promise.all(sent);
  const missing: number[] = [];
  rootKeys.forEach((root, i) => {
    if (results[2 * i]!.rowCount === 0) {
      missing.push(root);
      return;
    }
    loadTables(state, results[2 * i + 1]!.rows[0] as Record<string, Record<string, unknown>[]>);
  });
  return missing;
}

/**
 * SQL selecting the root keys (one column) of the trees a command touches, found from what
 * the command names (a job, a user task, …). Its lock and load go out with it, one round trip.
 */
export interface RootQuery {
  sql: string;
  params: unknown[];
  /** Raised when the query finds no tree; without it, the command runs on no tree. */
  notFound?: () => Error;
}

/**
 * Like `loadInstanceStates` for the trees a query finds: locks them (in key order) and loads
 * them in one round trip. The load runs the query again once the locks are held; it must find
 * no tree that the lock did not (queries follow keys whose root never changes). Returns the
 * locked roots.
 */
export async function lockAndLoadTrees(
  tx: Queryable,
  state: EngineState,
  query: RootQuery,
): Promise<number[]> {
  const [locked, loaded] = await Promise.all([
    tx.query<{ key: number }>(
      `select p.key from engine_process_instance p where p.key in (${query.sql}) order by p.key for update of p`,
      query.params,
    ),
    tx.query(
      treeSql('root_key in (select key from roots)', `with roots(key) as (${query.sql}) `),
      query.params,
    ),
  ]);
  const roots = locked.rows.map((r) => r.key);
  if (roots.length === 0 && query.notFound) throw query.notFound();
  const row = loaded.rows[0] as Record<string, Record<string, unknown>[]>;
  const unlocked = (row.processInstances ?? []).filter(
    (p) => p.key === p.root_key && !roots.includes(p.key as number),
  );
  if (unlocked.length > 0)
    throw new Error(`loaded process instance tree ${String(unlocked[0]!.key)} without its lock`);
  loadTables(state, row);
  return roots;
}

function loadTables(state: EngineState, row: Record<string, Record<string, unknown>[]>): void {
  for (const name of instanceTables) {
    const t = tables[name];
    state.stores[name].load((row[name] ?? []).map((json) => rowFromJson<never>(t as never, json)));
  }
}

function treeSql(rootCondition: string, prefix = ''): string {
  return `${prefix}select ${instanceTables
    .map((name) => {
      const t = tables[name];
      const where =
        name === 'processInstances'
          ? rootCondition
          : `process_instance_key in (select key from engine_process_instance where ${rootCondition})`;
      return `(select coalesce(json_agg(t), '[]'::json) from ${t.name} t where ${where}) as "${name}"`;
    })
    .join(',\n')}`;
}

const loadTreeSql = treeSql('root_key = $1');

/** Loads arbitrary rows of a table into the state (for commands outside an instance tree). */
export async function loadRows<N extends TableName>(
  tx: Queryable,
  state: EngineState,
  name: N,
  where: string,
  params: unknown[],
  lock = false,
): Promise<void> {
  const t = tables[name];
  const result = await tx.query<{ row: Record<string, unknown> }>(
    `select to_json(t) as row from ${t.name} t where ${where}${lock ? ' for update of t' : ''}`,
    params,
  );
  state.stores[name].load(result.rows.map((r) => rowFromJson<never>(t as never, r.row)));
}
