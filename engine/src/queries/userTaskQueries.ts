import type { Queryable } from '@balcao/platform';
import { isoDate, keyString, runSearch, type SearchTable } from './runSearch';
import type { SearchRequest } from './searchQuery';

interface UserTaskSqlRow {
  key: number;
  process_instance_key: number;
  element_instance_key: number;
  state: string;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_date: unknown;
  follow_up_date: unknown;
  priority: number;
  created_at: unknown;
  completed_at: unknown;
  record: {
    bpmnProcessId: string;
    processDefinitionKey: number;
    processDefinitionVersion: number;
    elementId: string;
    formKey: number | null;
    externalFormReference: string | null;
    customHeaders: Record<string, string>;
  };
}

/** Camunda 8.8's UserTaskResult. */
export interface UserTaskItem {
  userTaskKey: string;
  name: string;
  state: string;
  assignee?: string;
  elementId: string;
  elementInstanceKey: string;
  candidateGroups: string[];
  candidateUsers: string[];
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processInstanceKey: string;
  formKey?: string;
  creationDate?: string;
  completionDate?: string;
  followUpDate?: string;
  dueDate?: string;
  externalFormReference?: string;
  customHeaders: Record<string, string>;
  priority: number;
  tenantId: string;
}

const userTasks: SearchTable<UserTaskSqlRow, UserTaskItem> = {
  from: 'engine_user_task t',
  // The completion time is the user task's COMPLETED event, when there is one.
  select: `t.*, (select max(e.created_at) from engine_event e
              where e.key = t.key and e.value_type = 'USER_TASK' and e.intent = 'COMPLETED') as completed_at`,
  fields: {
    userTaskKey: { column: 't.key', kind: 'key' },
    state: { column: 't.state', kind: 'string' },
    assignee: { column: 't.assignee', kind: 'string' },
    candidateGroup: { column: 't.candidate_groups', kind: 'contains' },
    candidateUser: { column: 't.candidate_users', kind: 'contains' },
    processDefinitionKey: { column: "(t.record->>'processDefinitionKey')::bigint", kind: 'key' },
    processDefinitionId: { column: "t.record->>'bpmnProcessId'", kind: 'string' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    elementId: { column: "t.record->>'elementId'", kind: 'string' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    priority: { column: 't.priority', kind: 'int' },
    dueDate: { column: 't.due_date', kind: 'date' },
    followUpDate: { column: 't.follow_up_date', kind: 'date' },
    creationDate: { column: 't.created_at', kind: 'date' },
    tenantId: { column: "'<default>'", kind: 'string' },
  },
  sortable: {
    creationDate: 't.created_at',
    dueDate: 't.due_date',
    followUpDate: 't.follow_up_date',
    priority: 't.priority',
  },
  defaultOrder: 't.key asc',
  toItem: (r) => ({
    userTaskKey: String(r.key),
    // Element names are not stored with the task yet: Camunda falls back to the element id too.
    name: r.record.elementId,
    state: r.state,
    assignee: r.assignee ?? undefined,
    elementId: r.record.elementId,
    elementInstanceKey: String(r.element_instance_key),
    candidateGroups: r.candidate_groups,
    candidateUsers: r.candidate_users,
    processDefinitionId: r.record.bpmnProcessId,
    processDefinitionKey: String(r.record.processDefinitionKey),
    processDefinitionVersion: r.record.processDefinitionVersion,
    processInstanceKey: String(r.process_instance_key),
    formKey: keyString(r.record.formKey),
    creationDate: isoDate(r.created_at),
    completionDate: isoDate(r.completed_at),
    followUpDate: isoDate(r.follow_up_date),
    dueDate: isoDate(r.due_date),
    externalFormReference: r.record.externalFormReference ?? undefined,
    customHeaders: r.record.customHeaders,
    priority: r.priority,
    tenantId: '<default>',
  }),
};

export function searchUserTasks(db: Queryable, request: SearchRequest) {
  return runSearch(db, userTasks, request);
}

export async function getUserTask(db: Queryable, key: number): Promise<UserTaskItem | undefined> {
  const found = await runSearch(db, userTasks, { filter: { userTaskKey: key } });
  return found.items[0];
}

/** The form linked to a user task (`zeebe:formDefinition formId`), as Camunda's FormResult. */
export async function getUserTaskForm(
  db: Queryable,
  key: number,
): Promise<
  { formKey: string; formId: string; version: number; schema: string; tenantId: string } | undefined
> {
  const result = await db.query<{ key: number; form_id: string; version: number; content: string }>(
    `select f.key, f.form_id, f.version, r.content from engine_user_task t
       join engine_form f on f.key = (t.record->>'formKey')::bigint
       join engine_resource r on r.key = f.resource_key
      where t.key = $1`,
    [key],
  );
  const row = result.rows[0];
  return row
    ? {
        formKey: String(row.key),
        formId: row.form_id,
        version: row.version,
        schema: row.content,
        tenantId: '<default>',
      }
    : undefined;
}
