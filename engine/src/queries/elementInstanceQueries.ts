import type { Queryable } from '@balcao/platform';
import { isoDate, keyString, runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface ElementInstanceSqlRow {
  key: number;
  process_instance_key: number;
  element_id: string;
  element_type: string;
  bpmn_process_id: string;
  process_definition_key: number;
  flow_scope_key: number | null;
  state: ElementInstanceState;
  start_at: unknown;
  end_at: unknown;
  incident_key: number | null;
}

export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Camunda 8.8's ElementInstanceResult. */
export interface ElementInstanceItem {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string;
  type: string;
  state: ElementInstanceState;
  startDate?: string;
  endDate?: string;
  hasIncident: boolean;
  incidentKey?: string;
  tenantId: string;
}

// The incident index is by process instance, so the lookup names it before the element.
const incidentKey = (alias: string) =>
  `(select min(n.key) from engine_incident n where n.process_instance_key = ${alias}.process_instance_key
      and n.element_instance_key = ${alias}.key and n.state = 'ACTIVE')`;

/**
 * Every element instance, finished ones included, from its lifecycle events (ADR 0009: the
 * log is the history). Grouping by (key, process instance) lets PostgreSQL push a
 * processInstanceKey filter into the scan of the log's index by process instance. A migration
 * event may have moved the element to another definition (and id): the newest event wins.
 */
const history = `(
  select h.key, h.process_instance_key, h.latest->>'elementId' as element_id,
    h.lifecycle->>'bpmnElementType' as element_type, h.latest->>'bpmnProcessId' as bpmn_process_id,
    (h.latest->>'processDefinitionKey')::bigint as process_definition_key,
    nullif((h.lifecycle->>'flowScopeKey')::bigint, -1) as flow_scope_key,
    h.state, h.start_at, h.end_at, ${incidentKey('h')} as incident_key
  from (
    select e.key, e.process_instance_key,
      (array_agg(e.value order by e.position desc))[1] as latest,
      (array_agg(e.value order by e.position desc) filter (where e.value_type = 'PROCESS_INSTANCE'))[1] as lifecycle,
      min(e.created_at) as start_at,
      max(e.created_at) filter (where e.intent in ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')) as end_at,
      case when bool_or(e.intent = 'ELEMENT_TERMINATED') then 'TERMINATED'
           when bool_or(e.intent = 'ELEMENT_COMPLETED') then 'COMPLETED' else 'ACTIVE' end as state
    from engine_event e
    where e.process_instance_key is not null and (
      (e.value_type = 'PROCESS_INSTANCE' and e.intent in
        ('ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETED', 'ELEMENT_TERMINATED'))
      or (e.value_type = 'PROCESS_INSTANCE_MIGRATION' and e.intent = 'ELEMENT_MIGRATED'))
    group by e.key, e.process_instance_key
  ) h
) i`;

/** The live rows: what is active now, without reading the log beyond each row's start. */
const live = `(
  select x.key, x.process_instance_key, x.element_id, x.element_type,
    x.record->>'bpmnProcessId' as bpmn_process_id,
    (x.record->>'processDefinitionKey')::bigint as process_definition_key,
    x.flow_scope_key, 'ACTIVE' as state,
    (select min(e.created_at) from engine_event e where e.process_instance_key = x.process_instance_key
      and e.key = x.key and e.value_type = 'PROCESS_INSTANCE') as start_at,
    null::timestamptz as end_at, ${incidentKey('x')} as incident_key
  from engine_element_instance x
) i`;

const table = (from: string): SearchTable<ElementInstanceSqlRow, ElementInstanceItem> => ({
  from,
  select: 'i.*',
  fields: {
    elementInstanceKey: { column: 'i.key', kind: 'key' },
    processInstanceKey: { column: 'i.process_instance_key', kind: 'key' },
    processDefinitionKey: { column: 'i.process_definition_key', kind: 'key' },
    processDefinitionId: { column: 'i.bpmn_process_id', kind: 'string' },
    elementId: { column: 'i.element_id', kind: 'string' },
    elementInstanceScopeKey: { column: 'i.flow_scope_key', kind: 'key' },
    type: { column: 'i.element_type', kind: 'string' },
    state: { column: 'i.state', kind: 'string' },
    startDate: { column: 'i.start_at', kind: 'date' },
    endDate: { column: 'i.end_at', kind: 'date' },
    hasIncident: { column: '(i.incident_key is not null)', kind: 'bool' },
    incidentKey: { column: 'i.incident_key', kind: 'key' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: {
    elementInstanceKey: 'i.key',
    processInstanceKey: 'i.process_instance_key',
    processDefinitionKey: 'i.process_definition_key',
    processDefinitionId: 'i.bpmn_process_id',
    elementId: 'i.element_id',
    type: 'i.element_type',
    state: 'i.state',
    startDate: 'i.start_at',
    endDate: 'i.end_at',
    incidentKey: 'i.incident_key',
    tenantId: "'<default>'",
  },
  defaultOrder: 'i.key asc',
  toItem: (r) => ({
    elementInstanceKey: String(r.key),
    processInstanceKey: String(r.process_instance_key),
    processDefinitionKey: String(r.process_definition_key),
    processDefinitionId: r.bpmn_process_id,
    elementId: r.element_id,
    elementName: r.element_id,
    type: r.element_type,
    state: r.state,
    startDate: isoDate(r.start_at),
    endDate: isoDate(r.end_at),
    hasIncident: r.incident_key !== null,
    incidentKey: keyString(r.incident_key),
    tenantId: '<default>',
  }),
});

const historyTable = table(history);
const liveTable = table(live);

/**
 * Camunda's element instance search. Searches for active elements that do not name a process
 * instance read the live rows; everything else reads the log, which is cheap per process
 * instance and a scan of the whole log without one.
 */
export function searchElementInstances(db: Queryable, request: SearchRequest) {
  const filter = request.filter ?? {};
  const state = filter.state;
  const activeOnly =
    state === 'ACTIVE' ||
    (state !== null &&
      typeof state === 'object' &&
      Object.keys(state).length === 1 &&
      (state as Record<string, unknown>).$eq === 'ACTIVE');
  const namesInstance = filter.processInstanceKey !== undefined;
  return runSearch(db, activeOnly && !namesInstance ? liveTable : historyTable, request);
}
