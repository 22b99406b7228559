import type { Queryable } from '@balcao/platform';
import { processInstanceVariablesFilter } from './processInstanceVariableFilter';
import { isoDate, keyString, runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface ProcessInstanceSqlRow {
  key: number;
  process_key: number;
  bpmn_process_id: string;
  version: number;
  version_tag: string | null;
  state: string;
  parent_instance_key: number | null;
  parent_element_instance_key: number | null;
  has_incident: boolean;
  start_at: unknown;
  end_at: unknown;
}

/** Camunda 8.8's ProcessInstanceResult. */
export interface ProcessInstanceItem {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag?: string;
  processDefinitionKey: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  startDate?: string;
  endDate?: string;
  state: string;
  hasIncident: boolean;
  tenantId: string;
}

const processInstances: SearchTable<ProcessInstanceSqlRow, ProcessInstanceItem> = {
  from: 'engine_process_instance i left join engine_process p on p.key = i.process_key',
  select: 'i.*, p.version_tag',
  fields: {
    processInstanceKey: { column: 'i.key', kind: 'key' },
    processDefinitionId: { column: 'i.bpmn_process_id', kind: 'string' },
    processDefinitionKey: { column: 'i.process_key', kind: 'key' },
    processDefinitionVersion: { column: 'i.version', kind: 'int' },
    processDefinitionVersionTag: { column: 'p.version_tag', kind: 'string' },
    parentProcessInstanceKey: { column: 'i.parent_instance_key', kind: 'key' },
    parentElementInstanceKey: { column: 'i.parent_element_instance_key', kind: 'key' },
    state: { column: 'i.state', kind: 'string' },
    hasIncident: { column: 'i.has_incident', kind: 'bool' },
    startDate: { column: 'i.start_at', kind: 'date' },
    endDate: { column: 'i.end_at', kind: 'date' },
    tenantId: { column: "'<default>'", kind: 'string' },
    variables: processInstanceVariablesFilter,
  },
  sortable: {
    processInstanceKey: 'i.key',
    processDefinitionId: 'i.bpmn_process_id',
    processDefinitionKey: 'i.process_key',
    processDefinitionVersion: 'i.version',
    state: 'i.state',
    startDate: 'i.start_at',
    endDate: 'i.end_at',
    hasIncident: 'i.has_incident',
  },
  defaultOrder: 'i.key asc',
  toItem: (r) => ({
    processInstanceKey: String(r.key),
    processDefinitionId: r.bpmn_process_id,
    // The process name is not stored apart from the XML; Camunda falls back to the id too.
    processDefinitionName: r.bpmn_process_id,
    processDefinitionVersion: r.version,
    processDefinitionVersionTag: r.version_tag ?? undefined,
    processDefinitionKey: String(r.process_key),
    parentProcessInstanceKey: keyString(r.parent_instance_key),
    parentElementInstanceKey: keyString(r.parent_element_instance_key),
    startDate: isoDate(r.start_at),
    endDate: isoDate(r.end_at),
    state: r.state,
    hasIncident: r.has_incident,
    tenantId: '<default>',
  }),
};

export function searchProcessInstances(db: Queryable, request: SearchRequest) {
  return runSearch(db, processInstances, request);
}

export async function getProcessInstance(
  db: Queryable,
  key: number,
): Promise<ProcessInstanceItem | undefined> {
  const found = await runSearch(db, processInstances, { filter: { processInstanceKey: key } });
  return found.items[0];
}

/** The BPMN XML a process definition was deployed from. */
export async function getProcessDefinitionXml(
  db: Queryable,
  key: number,
): Promise<string | undefined> {
  const result = await db.query<{ content: string }>(
    'select r.content from engine_process p join engine_resource r on r.key = p.resource_key where p.key = $1',
    [key],
  );
  return result.rows[0]?.content;
}
