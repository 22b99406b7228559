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
    const row = results[2 * i + 1]!.rows[0] as Record<string, Record<string, unknown>[]>;
    for (const name of instanceTables) {
      const t = tables[name];
      state.stores[name].load(
        (row[name] ?? []).map((json) => rowFromJson<never>(t as never, json)),
      );
    }
  });
  return missing;
}

const loadTreeSql = `select ${instanceTables
  .map((name) => {
    const t = tables[name];
    const where =
      name === 'processInstances'
        ? 'root_key = $1'
        : 'process_instance_key in (select key from engine_process_instance where root_key = $1)';
    return `(select coalesce(json_agg(t), '[]'::json) from ${t.name} t where ${where}) as "${name}"`;
  })
  .join(',\n')}`;

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
