import type { Database } from '@balcao/platform';
import type { LoggedEvent } from '../log/EngineEvent';
import { applyEvent } from '../state/appliers/applyEvent';
import { EngineState } from '../state/EngineState';
import { rowFromJson, rowId, tables, type TableName } from '../state/tables';

/**
 * Replays the whole event log into an empty state and compares it, table by table and row by
 * row, with what the live engine wrote. An empty list means the log rebuilds the state.
 */
export async function replayDifferences(
  db: Database,
  events: () => Promise<LoggedEvent[]>,
): Promise<string[]> {
  const state = new EngineState();
  for (const event of await events()) applyEvent(state, event);
  const differences: string[] = [];
  for (const name of Object.keys(tables) as TableName[]) {
    const t = tables[name];
    const live = await db.query<{ row: Record<string, unknown> }>(
      `select to_json(t) as row from ${t.name} t`,
    );
    const liveRows = new Map(
      live.rows.map((r) => {
        const row = rowFromJson(t as never, r.row);
        return [rowId(t as never, row), normalise(row)];
      }),
    );
    const replayed = new Map(
      [...state.stores[name].values()].map((row) => [
        rowId(t as never, row as never),
        normalise(row),
      ]),
    );
    for (const [id, row] of liveRows) {
      const other = replayed.get(id);
      if (other === undefined)
        differences.push(`${t.name} ${id}: live only ${JSON.stringify(row)}`);
      else if (JSON.stringify(other) !== JSON.stringify(row))
        differences.push(
          `${t.name} ${id}: live ${JSON.stringify(row)} ≠ replayed ${JSON.stringify(other)}`,
        );
    }
    for (const [id, row] of replayed)
      if (!liveRows.has(id))
        differences.push(`${t.name} ${id}: replayed only ${JSON.stringify(row)}`);
  }
  return differences;
}

/** Sorted keys and JSON round trip, so column order and undefined-vs-null do not count. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([k, v]) => [k, normalise(v)]));
  }
  return value instanceof Date ? value.toISOString() : value;
}
