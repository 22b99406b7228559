import type { Queryable } from '@balcao/platform';
import { runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface ProcessDefinitionSqlRow {
  key: number;
  bpmn_process_id: string;
  version: number;
  version_tag: string | null;
  name: string | null;
  resource_name: string;
}

/** Camunda 8.8's ProcessDefinitionResult. */
export interface ProcessDefinitionItem {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string;
  resourceName: string;
  version: number;
  versionTag?: string;
  tenantId: string;
}

const latestProcess =
  'p.version = (select max(m.version) from engine_process m where m.bpmn_process_id = p.bpmn_process_id)';

const processDefinitions: SearchTable<ProcessDefinitionSqlRow, ProcessDefinitionItem> = {
  from: 'engine_process p join engine_resource r on r.key = p.resource_key',
  select: `p.key, p.bpmn_process_id, p.version, p.version_tag, p.compiled->>'name' as name,
    r.name as resource_name`,
  fields: {
    processDefinitionKey: { column: 'p.key', kind: 'key' },
    processDefinitionId: { column: 'p.bpmn_process_id', kind: 'string' },
    name: { column: "coalesce(p.compiled->>'name', p.bpmn_process_id)", kind: 'string' },
    resourceName: { column: 'r.name', kind: 'string' },
    version: { column: 'p.version', kind: 'int' },
    versionTag: { column: 'p.version_tag', kind: 'string' },
    isLatestVersion: { column: `(${latestProcess})`, kind: 'bool' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: {
    processDefinitionKey: 'p.key',
    processDefinitionId: 'p.bpmn_process_id',
    name: "coalesce(p.compiled->>'name', p.bpmn_process_id)",
    resourceName: 'r.name',
    version: 'p.version',
    versionTag: 'p.version_tag',
  },
  defaultOrder: 'p.key asc',
  toItem: (r) => ({
    processDefinitionKey: String(r.key),
    processDefinitionId: r.bpmn_process_id,
    // Camunda falls back to the id when the process has no name.
    name: r.name ?? r.bpmn_process_id,
    resourceName: r.resource_name,
    version: r.version,
    versionTag: r.version_tag ?? undefined,
    tenantId: '<default>',
  }),
};

export function searchProcessDefinitions(db: Queryable, request: SearchRequest) {
  return runSearch(db, processDefinitions, request);
}

export async function getProcessDefinition(
  db: Queryable,
  key: number,
): Promise<ProcessDefinitionItem | undefined> {
  const found = await runSearch(db, processDefinitions, { filter: { processDefinitionKey: key } });
  return found.items[0];
}

interface FormSqlRow {
  key: number;
  form_id: string;
  version: number;
  version_tag: string | null;
  resource_name: string;
  content?: string;
}

/** Camunda 8.8's FormResult; `schema` (the form JSON as text) only when asked by key. */
export interface FormItem {
  formKey: string;
  formId: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  tenantId: string;
  schema?: string;
}

const forms: SearchTable<FormSqlRow, FormItem> = {
  from: 'engine_form f join engine_resource r on r.key = f.resource_key',
  select: 'f.key, f.form_id, f.version, f.version_tag, r.name as resource_name',
  fields: {
    formKey: { column: 'f.key', kind: 'key' },
    formId: { column: 'f.form_id', kind: 'string' },
    version: { column: 'f.version', kind: 'int' },
    resourceName: { column: 'r.name', kind: 'string' },
    isLatestVersion: {
      column:
        '(f.version = (select max(m.version) from engine_form m where m.form_id = f.form_id))',
      kind: 'bool',
    },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: { formKey: 'f.key', formId: 'f.form_id', version: 'f.version' },
  defaultOrder: 'f.key asc',
  toItem: (r) => ({
    formKey: String(r.key),
    formId: r.form_id,
    version: r.version,
    versionTag: r.version_tag ?? undefined,
    resourceName: r.resource_name,
    tenantId: '<default>',
    ...(r.content === undefined ? {} : { schema: r.content }),
  }),
};

/** Forms without their content (a Balcão extension: Camunda 8.8 has no form search). */
export function searchForms(db: Queryable, request: SearchRequest) {
  return runSearch(db, forms, request);
}

export async function getForm(db: Queryable, key: number): Promise<FormItem | undefined> {
  const found = await runSearch(
    db,
    { ...forms, select: `${forms.select}, r.content` },
    { filter: { formKey: key } },
  );
  return found.items[0];
}
