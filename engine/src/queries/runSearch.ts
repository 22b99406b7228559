import type { Queryable } from '@balcao/platform';
import { buildSearch, type FieldSpec, type SearchPage, type SearchRequest } from './searchQuery';

export interface SearchTable<Row, Item> {
  /** FROM clause, joins included. */
  from: string;
  select: string;
  fields: Record<string, FieldSpec>;
  sortable: Record<string, string>;
  /** Tie-breaker so pages are stable. */
  defaultOrder: string;
  /** Conditions always applied (e.g. the user task of a variable search). */
  fixed?: { sql: (firstParam: number) => string; params: unknown[] };
  toItem: (row: Row) => Item;
}

/** Runs one Camunda-style search: the page of items and the total count, in two queries. */
export async function runSearch<Row, Item>(
  db: Queryable,
  table: SearchTable<Row, Item>,
  request: SearchRequest,
): Promise<SearchPage<Item>> {
  const built = buildSearch(request, table.fields, table.sortable, table.defaultOrder);
  let where = built.where;
  const params = [...built.params];
  if (table.fixed) {
    const fixed = table.fixed.sql(params.length + 1);
    params.push(...table.fixed.params);
    where = where ? `${where} and ${fixed}` : `where ${fixed}`;
  }
  const count = await db.query<{ total: number }>(
    `select count(*)::int as total from ${table.from} ${where}`,
    params,
  );
  const rows = await db.query<Row & Record<string, unknown>>(
    `select ${table.select} from ${table.from} ${where} ${built.orderBy}
      limit ${built.limit} offset ${built.offset}`,
    params,
  );
  return {
    items: rows.rows.map(table.toItem),
    page: { totalItems: count.rows[0]?.total ?? 0 },
  };
}

/** Timestamps as Camunda shows them (ISO 8601), whatever the driver returned. */
export function isoDate(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return new Date(value as string).toISOString();
}

/** Keys are strings in the v2 API (int64 in JSON loses precision in browsers). */
export function keyString(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
