import type { Transaction } from '@balcao/platform';
import type { EngineEvent } from '../log/EngineEvent';
import type { EngineState } from './EngineState';
import { rowToJson, snakeCase, tables, type TableName } from './tables';

/**
 * Writes the net changes of a command and its events in ONE statement (data-modifying CTEs),
 * the transaction's last, sent with its COMMIT: a command costs one round trip to persist and
 * commit, however many rows it touched.
 */
export function flushState(
  tx: Transaction,
  state: EngineState,
  events: readonly EngineEvent[],
): void {
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let n = 0;
  for (const name of Object.keys(tables) as TableName[]) {
    const t = tables[name];
    const { inserts, updates, deletes } = state.stores[name].changes();
    const keys = t.keyFields.map(snakeCase);
    const match = (alias: string) => keys.map((k) => `t.${k} = ${alias}.${k}`).join(' and ');
    if (deletes.length > 0) {
      const p = param(JSON.stringify(deletes.map((r) => rowToJson(r as object))));
      parts.push(
        `d${n++} as (delete from ${t.name} t using jsonb_populate_recordset(null::${t.name}, ${p}::jsonb) d where ${match('d')})`,
      );
    }
    if (updates.length > 0) {
      const columns = Object.keys(rowToJson(updates[0] as object)).filter((c) => !keys.includes(c));
      const p = param(JSON.stringify(updates.map((r) => rowToJson(r as object))));
      parts.push(
        `u${n++} as (update ${t.name} t set ${columns.map((c) => `${c} = ${valueOf(t.name, 's.' + c, c)}`).join(', ')} from jsonb_populate_recordset(null::${t.name}, ${p}::jsonb) s where ${match('s')})`,
      );
    }
    if (inserts.length > 0) {
      const columns = Object.keys(rowToJson(inserts[0] as object));
      const p = param(JSON.stringify(inserts.map((r) => rowToJson(r as object))));
      parts.push(
        `i${n++} as (insert into ${t.name} (${columns.join(', ')}) select ${columns.map((c) => valueOf(t.name, c, c)).join(', ')} from jsonb_populate_recordset(null::${t.name}, ${p}::jsonb))`,
      );
    }
  }
  if (events.length > 0) {
    const p = param(
      JSON.stringify(
        events.map((e) => ({
          key: e.key,
          value_type: e.valueType,
          intent: e.intent,
          process_instance_key: e.processInstanceKey ?? null,
          value: e.value,
          created_at: e.timestamp,
        })),
      ),
    );
    parts.push(
      `e${n++} as (insert into engine_event (key, value_type, intent, process_instance_key, value, created_at) select key, value_type, intent, process_instance_key, value, created_at from jsonb_populate_recordset(null::engine_event, ${p}::jsonb) with ordinality as x order by x.ordinality)`,
    );
  }
  if (parts.length === 0) return;
  tx.commitWith(`with ${parts.join(',\n')} select 1`, params);
}

/**
 * jsonb_populate_recordset reads a JSON null as SQL NULL; a variable whose value is null
 * must stay the JSON value `null` (Zeebe allows null variables).
 */
function valueOf(table: string, expression: string, column: string): string {
  return table === 'engine_variable' && column === 'value'
    ? `coalesce(${expression}, 'null'::jsonb)`
    : expression;
}
