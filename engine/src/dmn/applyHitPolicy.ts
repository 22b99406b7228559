import type { JsonValue } from '../feel/toJsonValue';
import { HitPolicy, type DecisionTable } from './CompiledDrg';

/** A rule whose input entries all matched, with its evaluated output entries. */
export interface MatchedRow {
  ruleId: string;
  ruleIndex: number;
  values: JsonValue[];
}

/**
 * Turns the matched rows into the decision result as the DMN 1.3 hit policy says: one row
 * (UNIQUE, FIRST, ANY, PRIORITY; null when none matched), a list (COLLECT, RULE ORDER,
 * OUTPUT ORDER) or an aggregate (COLLECT with SUM, MIN, MAX, COUNT). A row is the output
 * value with one output, else a context of output name → value.
 */
export function applyHitPolicy(
  table: DecisionTable,
  matched: MatchedRow[],
): { output: JsonValue; selected: MatchedRow[]; problem?: string } {
  const rowValue = (row: MatchedRow): JsonValue =>
    table.outputs.length === 1
      ? (row.values[0] ?? null)
      : Object.fromEntries(table.outputs.map((o, i) => [o.name ?? o.id, row.values[i] ?? null]));
  const single = (row: MatchedRow | undefined) => ({
    output: row ? rowValue(row) : null,
    selected: row ? [row] : [],
  });
  switch (table.hitPolicy) {
    case HitPolicy.Unique:
      if (matched.length > 1)
        return {
          ...single(undefined),
          problem: `hit policy UNIQUE allows one matching rule, but ${listRules(matched)} matched`,
        };
      return single(matched[0]);
    case HitPolicy.First:
      return single(matched[0]);
    case HitPolicy.Any: {
      const first = matched[0];
      const differing = matched.filter(
        (row) => JSON.stringify(row.values) !== JSON.stringify(first?.values),
      );
      if (first && differing.length > 0)
        return {
          ...single(undefined),
          problem: `hit policy ANY needs every matching rule to give the same output, but ${listRules([first, ...differing])} differ`,
        };
      return single(first);
    }
    case HitPolicy.Priority:
      return single(byPriority(table, matched)[0]);
    case HitPolicy.OutputOrder: {
      const sorted = byPriority(table, matched);
      return { output: sorted.map(rowValue), selected: sorted };
    }
    case HitPolicy.RuleOrder:
      return { output: matched.map(rowValue), selected: matched };
    case HitPolicy.Collect:
      return table.aggregation
        ? aggregate(table.aggregation, matched)
        : { output: matched.map(rowValue), selected: matched };
  }
}

function aggregate(
  aggregation: NonNullable<DecisionTable['aggregation']>,
  matched: MatchedRow[],
): { output: JsonValue; selected: MatchedRow[]; problem?: string } {
  const values = matched.map((row) => row.values[0] ?? null).filter((v) => v !== null);
  if (aggregation === 'COUNT') return { output: values.length, selected: matched };
  if (values.length === 0) return { output: null, selected: matched };
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (aggregation === 'SUM') {
    if (numbers.length !== values.length)
      return {
        output: null,
        selected: matched,
        problem: `aggregation SUM needs numbers, but the matching rules gave ${JSON.stringify(values)}`,
      };
    return { output: numbers.reduce((a, b) => a + b, 0), selected: matched };
  }
  const comparable =
    numbers.length === values.length
      ? numbers
      : strings.length === values.length
        ? strings
        : undefined;
  if (!comparable)
    return {
      output: null,
      selected: matched,
      problem: `aggregation ${aggregation} needs values of one comparable type, but the matching rules gave ${JSON.stringify(values)}`,
    };
  const sorted = [...comparable].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    output: (aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1]) ?? null,
    selected: matched,
  };
}

/** Rows sorted by their outputs' positions in the output values lists (earlier = higher). */
function byPriority(table: DecisionTable, matched: MatchedRow[]): MatchedRow[] {
  const rank = (row: MatchedRow) =>
    table.outputs.map((o, i) => {
      const position = (o.values ?? []).findIndex(
        (v) => JSON.stringify(v) === JSON.stringify(row.values[i]),
      );
      return position === -1 ? Number.MAX_SAFE_INTEGER : position;
    });
  return [...matched].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.ruleIndex - b.ruleIndex;
  });
}

function listRules(rows: MatchedRow[]): string {
  return `rules ${rows.map((r) => `'${r.ruleId}' (row ${r.ruleIndex})`).join(', ')}`;
}
