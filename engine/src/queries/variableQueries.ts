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
  isTruncated: false;
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
