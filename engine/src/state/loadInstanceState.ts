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
 * Locks a process instance tree (by its root) and loads all its live state in one round trip.
 * Every command on the tree takes this lock first, so commands on one tree run one at a time
 * across all engine nodes. Returns false when the tree does not exist.
 */
export async function loadInstanceState(
  tx: Queryable,
  state: EngineState,
  rootKey: number,
): Promise<boolean> {
  const lock = await tx.query('select key from engine_process_instance where key = $1 for update', [
    rootKey,
  ]);
  if (lock.rowCount === 0) return false;
  const columns = instanceTables.map((name) => {
    const t = tables[name];
    const where =
      name === 'processInstances'
        ? 'root_key = $1'
        : 'process_instance_key in (select key from engine_process_instance where root_key = $1)';
    return `(select coalesce(json_agg(t), '[]'::json) from ${t.name} t where ${where}) as "${name}"`;
  });
  const result = await tx.query<Record<string, Record<string, unknown>[]>>(
    `select ${columns.join(',\n')}`,
    [rootKey],
  );
  const row = result.rows[0]!;
  for (const name of instanceTables) {
    const t = tables[name];
    state.stores[name].load((row[name] ?? []).map((json) => rowFromJson<never>(t as never, json)));
  }
  return true;
}

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
