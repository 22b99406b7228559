import type { Queryable } from '@balcao/platform';
import { isoDate, keyString, runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface IncidentSqlRow {
  key: number;
  process_instance_key: number;
  element_instance_key: number;
  job_key: number | null;
  error_type: string;
  state: string;
  created_at: unknown;
  record: {
    errorMessage: string;
    elementId: string;
    bpmnProcessId: string;
    processDefinitionKey: number;
  };
}

/** Camunda 8.8's IncidentResult. */
export interface IncidentItem {
  incidentKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceKey: string;
  errorType: string;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: string;
  creationTime?: string;
  state: string;
  jobKey?: string;
  tenantId: string;
}

const incidents: SearchTable<IncidentSqlRow, IncidentItem> = {
  from: 'engine_incident n',
  select: 'n.*',
  fields: {
    incidentKey: { column: 'n.key', kind: 'key' },
    processDefinitionKey: { column: "(n.record->>'processDefinitionKey')::bigint", kind: 'key' },
    processDefinitionId: { column: "n.record->>'bpmnProcessId'", kind: 'string' },
    processInstanceKey: { column: 'n.process_instance_key', kind: 'key' },
    errorType: { column: 'n.error_type', kind: 'string' },
    errorMessage: { column: "n.record->>'errorMessage'", kind: 'string' },
    elementId: { column: "n.record->>'elementId'", kind: 'string' },
    elementInstanceKey: { column: 'n.element_instance_key', kind: 'key' },
    creationTime: { column: 'n.created_at', kind: 'date' },
    state: { column: 'n.state', kind: 'string' },
    jobKey: { column: 'n.job_key', kind: 'key' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: {
    incidentKey: 'n.key',
    processInstanceKey: 'n.process_instance_key',
    errorType: 'n.error_type',
    creationTime: 'n.created_at',
    state: 'n.state',
  },
  defaultOrder: 'n.key asc',
  toItem: (r) => ({
    incidentKey: String(r.key),
    processDefinitionKey: String(r.record.processDefinitionKey),
    processDefinitionId: r.record.bpmnProcessId,
    processInstanceKey: String(r.process_instance_key),
    errorType: r.error_type,
    errorMessage: r.record.errorMessage,
    elementId: r.record.elementId,
    elementInstanceKey: String(r.element_instance_key),
    creationTime: isoDate(r.created_at),
    state: r.state,
    jobKey: keyString(r.job_key),
    tenantId: '<default>',
  }),
};

export function searchIncidents(db: Queryable, request: SearchRequest) {
  return runSearch(db, incidents, request);
}
