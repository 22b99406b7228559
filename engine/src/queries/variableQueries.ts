import type { Queryable } from '@balcao/platform';
import { runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface VariableSqlRow {
  key: number;
  scope_key: number;
  process_instance_key: number;
  name: string;
  value: unknown;
}

/** Camunda 8.8's VariableSearchResult: `value` is the JSON text of the value. */
export interface VariableItem {
  variableKey: string;
  name: string;
  value: string;
  isTruncated: boolean;
  scopeKey: string;
  processInstanceKey: string;
  tenantId: string;
}

const variables: SearchTable<VariableSqlRow, VariableItem> = {
  from: 'engine_variable v',
  select: 'v.*',
  fields: {
    variableKey: { column: 'v.key', kind: 'key' },
    name: { column: 'v.name', kind: 'string' },
    scopeKey: { column: 'v.scope_key', kind: 'key' },
    processInstanceKey: { column: 'v.process_instance_key', kind: 'key' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: { name: 'v.name', variableKey: 'v.key', scopeKey: 'v.scope_key' },
  defaultOrder: 'v.name asc, v.key asc',
  toItem: (r) => ({
    variableKey: String(r.key),
    name: r.name,
    value: JSON.stringify(r.value),
    isTruncated: false,
    scopeKey: String(r.scope_key),
    processInstanceKey: String(r.process_instance_key),
    tenantId: '<default>',
  }),
};

/** Camunda truncates long values in searches at this many characters (as Operate does). */
export const VARIABLE_PREVIEW_LENGTH = 8191;

/**
 * Every variable, those of finished scopes included, at its latest value in the log (ADR 0009).
 * Grouping by what never changes for a variable (key, process instance, scope, name) lets
 * PostgreSQL push those filters into the scan of the log's index by process instance.
 */
const history = `(
  select e.key, e.process_instance_key, (e.value->>'scopeKey')::bigint as scope_key,
    e.value->>'name' as name, (array_agg(e.value->'value' order by e.position desc))[1] as value
  from engine_event e
  where e.value_type = 'VARIABLE' and e.process_instance_key is not null
  group by e.key, e.process_instance_key, (e.value->>'scopeKey')::bigint, e.value->>'name'
) v`;

const historyTable = (truncate: boolean): SearchTable<VariableSqlRow, VariableItem> => ({
  ...variables,
  from: history,
  fields: { ...variables.fields, value: { column: 'v.value::text', kind: 'string' } },
  sortable: {
    ...variables.sortable,
    processInstanceKey: 'v.process_instance_key',
    value: 'v.value::text',
    tenantId: "'<default>'",
  },
  toItem: (r) => {
    const item = variables.toItem(r);
    if (!truncate || item.value.length <= VARIABLE_PREVIEW_LENGTH) return item;
    return { ...item, value: item.value.slice(0, VARIABLE_PREVIEW_LENGTH), isTruncated: true };
  },
});

/**
 * Camunda's variable search (`POST /v2/variables/search`). Cheap when it names a process
 * instance; without one it reads every variable event of the log.
 */
export function searchVariables(
  db: Queryable,
  request: SearchRequest,
  options: { truncateValues: boolean },
) {
  return runSearch(db, historyTable(options.truncateValues), request);
}

/** One variable at its full value: the live row if its scope is active, else from the log. */
export async function getVariable(db: Queryable, key: number): Promise<VariableItem | undefined> {
  const request = { filter: { variableKey: key } };
  const found = await runSearch(db, variables, request);
  return found.items[0] ?? (await searchVariables(db, request, { truncateValues: false })).items[0];
}

/**
 * The variables a user task sees: those of its element instance and of every enclosing scope,
 * the innermost value of each name winning (Camunda's user task variable search).
 */
export function searchUserTaskVariables(
  db: Queryable,
  userTaskKey: number,
  request: SearchRequest,
) {
  return runSearch(
    db,
    {
      ...variables,
      fixed: {
        sql: (p) => `v.key in (
          with recursive scope(key, depth) as (
            select t.element_instance_key, 0 from engine_user_task t where t.key = $${p}
            union all
            select e.flow_scope_key, s.depth + 1 from scope s
              join engine_element_instance e on e.key = s.key where e.flow_scope_key is not null
          )
          select distinct on (w.name) w.key from engine_variable w join scope s on s.key = w.scope_key
          order by w.name, s.depth)`,
        params: [userTaskKey],
      },
    },
    request,
  );
}
