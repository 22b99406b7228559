import type { Queryable } from '@balcao/platform';
import { runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface ElementInstanceSqlRow {
  key: number;
  process_instance_key: number;
  element_id: string;
  element_type: string;
  record: { bpmnProcessId: string; processDefinitionKey: number };
  incident_key: number | null;
}

/** Camunda 8.8's ElementInstanceResult, for the element instances that are still active. */
export interface ElementInstanceItem {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string;
  type: string;
  state: 'ACTIVE';
  hasIncident: boolean;
  incidentKey?: string;
  tenantId: string;
}

// The engine keeps rows of live element instances only; finished ones are in the event log.
const elementInstances: SearchTable<ElementInstanceSqlRow, ElementInstanceItem> = {
  from: 'engine_element_instance x',
  select: `x.*, (select min(n.key) from engine_incident n
                  where n.element_instance_key = x.key and n.state = 'ACTIVE') as incident_key`,
  fields: {
    elementInstanceKey: { column: 'x.key', kind: 'key' },
    processInstanceKey: { column: 'x.process_instance_key', kind: 'key' },
    processDefinitionKey: { column: "(x.record->>'processDefinitionKey')::bigint", kind: 'key' },
    processDefinitionId: { column: "x.record->>'bpmnProcessId'", kind: 'string' },
    elementId: { column: 'x.element_id', kind: 'string' },
    type: { column: 'x.element_type', kind: 'string' },
    state: { column: "'ACTIVE'", kind: 'string' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: {
    elementInstanceKey: 'x.key',
    processInstanceKey: 'x.process_instance_key',
    elementId: 'x.element_id',
    type: 'x.element_type',
  },
  defaultOrder: 'x.key asc',
  toItem: (r) => ({
    elementInstanceKey: String(r.key),
    processInstanceKey: String(r.process_instance_key),
    processDefinitionKey: String(r.record.processDefinitionKey),
    processDefinitionId: r.record.bpmnProcessId,
    elementId: r.element_id,
    elementName: r.element_id,
    type: r.element_type,
    state: 'ACTIVE',
    hasIncident: r.incident_key !== null,
    incidentKey: r.incident_key === null ? undefined : String(r.incident_key),
    tenantId: '<default>',
  }),
};

export function searchElementInstances(db: Queryable, request: SearchRequest) {
  return runSearch(db, elementInstances, request);
}
