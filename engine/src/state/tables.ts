import type * as C from './compensationRows';
import type * as D from './decisionRows';
import type * as R from './rows';

/** How a state table maps to its rows: name, primary key, and timestamp columns. */
export interface Table<Row> {
  name: string;
  /** Primary-key fields (camelCase). */
  keyFields: (keyof Row & string)[];
  /** Timestamp fields, normalised to ISO strings on load. */
  timestampFields: (keyof Row & string)[];
}

const table = <Row>(
  name: string,
  keyFields: (keyof Row & string)[],
  timestampFields: (keyof Row & string)[] = [],
): Table<Row> => ({ name, keyFields, timestampFields });

export const tables = {
  deployments: table<R.DeploymentRow>('engine_deployment', ['key'], ['createdAt']),
  resources: table<R.ResourceRow>('engine_resource', ['key']),
  processes: table<R.ProcessRow>('engine_process', ['key'], ['createdAt']),
  forms: table<R.FormRow>('engine_form', ['key']),
  decisionRequirements: table<D.DecisionRequirementsRow>(
    'engine_decision_requirements',
    ['key'],
    ['createdAt'],
  ),
  decisions: table<D.DecisionRow>('engine_decision', ['key']),
  processInstances: table<R.ProcessInstanceRow>(
    'engine_process_instance',
    ['key'],
    ['startAt', 'endAt'],
  ),
  elementInstances: table<R.ElementInstanceRow>('engine_element_instance', ['key']),
  variables: table<R.VariableRow>('engine_variable', ['key']),
  jobs: table<R.JobRow>('engine_job', ['key'], ['deadline', 'recurAt']),
  timers: table<R.TimerRow>('engine_timer', ['key'], ['dueAt']),
  messageSubscriptions: table<R.MessageSubscriptionRow>('engine_message_subscription', ['key']),
  messageStartSubscriptions: table<R.MessageStartSubscriptionRow>(
    'engine_message_start_subscription',
    ['processKey', 'elementId'],
  ),
  messages: table<R.MessageRow>('engine_message', ['key'], ['expiresAt']),
  messageCorrelations: table<R.MessageCorrelationRow>('engine_message_correlation', [
    'messageKey',
    'bpmnProcessId',
  ]),
  messageStartLocks: table<R.MessageStartLockRow>('engine_message_start_lock', [
    'bpmnProcessId',
    'correlationKey',
  ]),
  incidents: table<R.IncidentRow>('engine_incident', ['key'], ['createdAt']),
  userTasks: table<R.UserTaskRow>(
    'engine_user_task',
    ['key'],
    ['dueDate', 'followUpDate', 'createdAt'],
  ),
  signalSubscriptions: table<R.SignalSubscriptionRow>('engine_signal_subscription', ['key']),
  pendingSignals: table<R.PendingSignalRow>('engine_pending_signal', ['key']),
  compensationSubscriptions: table<C.CompensationSubscriptionRow>(
    'engine_compensation_subscription',
    ['key'],
  ),
};

export type Tables = typeof tables;
export type TableName = keyof Tables;
export type RowOf<N extends TableName> = Tables[N] extends Table<infer Row> ? Row : never;

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A row as loaded with json_agg (snake_case keys, timestamps as PostgreSQL text) → Row. */
export function rowFromJson<Row>(t: Table<Row>, json: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(json)) row[camelCase(column)] = value;
  for (const field of t.timestampFields) {
    const value = row[field];
    if (typeof value === 'string') row[field] = new Date(value).toISOString();
  }
  return row as Row;
}

/** A row → the snake_case object jsonb_populate_recordset reads. */
export function rowToJson(row: object): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) json[snakeCase(field)] = value;
  return json;
}

export function rowId<Row>(t: Table<Row>, row: Row): string {
  return t.keyFields.map((f) => String(row[f])).join('|');
}
