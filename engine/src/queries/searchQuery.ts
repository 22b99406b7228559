import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';

/** Camunda's search request: `{ filter, sort: [{ field, order }], page: { from, limit } }`. */
export const searchRequestSchema = z
  .object({
    filter: z.record(z.string(), z.unknown()).optional(),
    sort: z
      .array(
        z.object({
          field: z.string(),
          order: z
            .string()
            .transform((o) => o.toUpperCase())
            .pipe(z.enum(['ASC', 'DESC']))
            .optional(),
        }),
      )
      .optional(),
    page: z
      .object({
        from: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
        after: z.string().optional(),
        before: z.string().optional(),
      })
      .optional(),
  })
  .strict();
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export interface SearchPage<T> {
  items: T[];
  page: { totalItems: number };
}

/**
 * How a filter field maps to SQL: its column expression and the kind of value it holds, or
 * (`custom`) a function that turns the field's filter value into conditions.
 */
export type FieldSpec =
  | { column: string; kind: 'key' | 'string' | 'int' | 'date' | 'bool' | 'contains' }
  | { kind: 'custom'; clauses: (raw: unknown, param: (value: unknown) => string) => string[] };

export const SearchErrorCode = { InvalidSearch: 'SEARCH_INVALID' } as const;

const invalid = (message: string) => new BalcaoError(SearchErrorCode.InvalidSearch, message);

/**
 * Builds the WHERE, ORDER BY and LIMIT of a search from a Camunda request, with parameters only
 * (never values in the SQL text). Unknown filter or sort fields are refused by name.
 */
export function buildSearch(
  request: SearchRequest,
  fields: Record<string, FieldSpec>,
  sortable: Record<string, string>,
  defaultOrder: string,
): { where: string; orderBy: string; limit: number; offset: number; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const [name, raw] of Object.entries(request.filter ?? {})) {
    if (raw === undefined) continue;
    const spec = fields[name];
    if (!spec)
      throw invalid(
        `The filter field '${name}' is not supported. Supported fields: ${Object.keys(fields).join(', ')}.`,
      );
    clauses.push(...fieldClauses(name, spec, raw, param));
  }
  const order = (request.sort ?? []).map(({ field, order: direction }) => {
    const column = sortable[field];
    if (!column)
      throw invalid(
        `The sort field '${field}' is not supported. Supported fields: ${Object.keys(sortable).join(', ')}.`,
      );
    return `${column} ${direction === 'DESC' ? 'desc' : 'asc'} nulls last`;
  });
  if (request.page?.after !== undefined || request.page?.before !== undefined)
    throw invalid(
      "Cursor paging ('after', 'before') is not supported; page with 'from' and 'limit'.",
    );
  return {
    where: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '',
    orderBy: `order by ${[...order, defaultOrder].join(', ')}`,
    limit: request.page?.limit ?? 100,
    offset: request.page?.from ?? 0,
    params,
  };
}

const operators = ['$eq', '$neq', '$exists', '$gt', '$gte', '$lt', '$lte', '$in', '$like'] as const;
const sqlOperator = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

function fieldClauses(
  name: string,
  spec: FieldSpec,
  raw: unknown,
  param: (value: unknown) => string,
): string[] {
  if (spec.kind === 'custom') return spec.clauses(raw, param);
  const conditions: Record<string, unknown> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : { $eq: raw };
  return Object.entries(conditions).map(([op, value]) => {
    if (!(operators as readonly string[]).includes(op))
      throw invalid(`The operator '${op}' of filter field '${name}' is not supported.`);
    if (op === '$exists') return `${spec.column} is ${value === true ? 'not ' : ''}null`;
    if (spec.kind === 'contains') {
      if (op === '$eq') return `${param(value)} = any(${spec.column})`;
      if (op === '$in') return `${spec.column} && ${param(list(name, value).map(String))}::text[]`;
      throw invalid(`The operator '${op}' of filter field '${name}' is not supported.`);
    }
    if (op === '$in')
      return `${spec.column} = any(${param(list(name, value).map((v) => cast(name, spec, v)))})`;
    if (op === '$like') {
      if (spec.kind !== 'string')
        throw invalid(`'$like' applies to text fields only, not '${name}'.`);
      return `${spec.column} like ${param(String(value).replace(/\*/g, '%').replace(/\?/g, '_'))}`;
    }
    if (op === '$eq') return `${spec.column} = ${param(cast(name, spec, value))}`;
    if (op === '$neq') return `${spec.column} is distinct from ${param(cast(name, spec, value))}`;
    if (spec.kind === 'string' || spec.kind === 'bool')
      throw invalid(`The operator '${op}' of filter field '${name}' is not supported.`);
    return `${spec.column} ${sqlOperator[op as keyof typeof sqlOperator]} ${param(cast(name, spec, value))}`;
  });
}

function list(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value))
    throw invalid(`Expected '$in' of filter field '${name}' to be an array.`);
  return value;
}

function cast(name: string, spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'key':
    case 'int': {
      const n = Number(value);
      if (!Number.isSafeInteger(n))
        throw invalid(
          `Expected filter field '${name}' to be a whole number, but was '${String(value)}'.`,
        );
      return n;
    }
    case 'date': {
      const ms = Date.parse(String(value));
      if (Number.isNaN(ms))
        throw invalid(
          `Expected filter field '${name}' to be an ISO date-time, but was '${String(value)}'.`,
        );
      return new Date(ms).toISOString();
    }
    case 'bool':
      if (typeof value !== 'boolean')
        throw invalid(`Expected filter field '${name}' to be true or false.`);
      return value;
    default:
      return String(value);
  }
}
