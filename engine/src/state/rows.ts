/**
 * Rows of the engine's state tables, as the runtime sees them (camelCase; the table layer
 * maps them to snake_case columns). Timestamps are ISO strings; `record` columns are JSONB
 * for the fields nobody queries by.
 */
export interface ProcessInstanceRow {
  key: number;
  rootKey: number;
  processKey: number;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  parentInstanceKey: number | null;
  parentElementInstanceKey: number | null;
  hasIncident: boolean;
  startAt: string;
  endAt: string | null;
}

export type ElementState =
  'ELEMENT_ACTIVATING' | 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETING' | 'ELEMENT_TERMINATING';

export interface ElementInstanceRow {
  key: number;
  processInstanceKey: number;
  /** The enclosing element instance (the process instance for top-level elements). */
  flowScopeKey: number | null;
  elementId: string;
  elementType: string;
  state: ElementState;
  record: {
    bpmnProcessId: string;
    processDefinitionKey: number;
    version: number;
    /** Tokens waiting at joining gateways of this scope: gateway id → flow id → count. */
    joins?: Record<string, Record<string, number>>;
    /** Sequence flows taken into this scope's elements whose targets are not active yet. */
    activeFlows?: number;
    /** An interrupting event is terminating this scope; after that, this element activates. */
    interruptedBy?: EventPayload;
    /** Job-based element: the job it waits for. */
    jobKey?: number;
    userTaskKey?: number;
    /** Event-based gateway: the event that won, with the variables it brought. */
    triggeredBy?: EventPayload;
    /** Gateways: the outgoing flows chosen when the gateway activated. */
    chosenFlowIds?: string[];
    /** An inner instance of a multi-instance activity (its body is the flow scope). */
    multiInstanceInner?: boolean;
    /** Multi-instance body: the input collection it iterates over. */
    multiInstanceItems?: unknown[];
    /** An interrupting event sub-process waits for this scope's other elements to end. */
    pendingEventSubProcess?: {
      elementId: string;
      startEventId: string;
      variables: Record<string, unknown>;
      localVariables?: Record<string, unknown>;
    };
    /** A compensation handler: its subscription and the throw event that waits for it. */
    compensation?: { subscriptionKey: number; throwEventKey: number };
    /** An ad-hoc sub-process whose completion condition is fulfilled: it completes once empty. */
    completionConditionFulfilled?: boolean;
    /** A terminate end event ended this scope: nothing new starts in it. */
    terminated?: boolean;
    /** A CreateProcessInstanceWithResult caller waits for this process instance. */
    awaitResult?: boolean;
    /** A process waiting for its start execution listeners: the start event to enter after them. */
    startElementId?: string;
    /** Terminated by a process instance modification: canceling task listeners do not run. */
    modificationTerminated?: boolean;
    /** Set when the process instance was started by a message with a correlation key. */
    startLock?: { bpmnProcessId: string; correlationKey: string };
  };
}

/** What a triggered event brings to the element it activates. */
export interface EventPayload {
  elementId: string;
  variables: Record<string, unknown>;
  /** Set in the activated element's own scope (e.g. errorCode / errorMessage of a caught error). */
  localVariables?: Record<string, unknown>;
}

export interface VariableRow {
  key: number;
  scopeKey: number;
  processInstanceKey: number;
  name: string;
  value: unknown;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface JobRow {
  key: number;
  type: string;
  state: JobState;
  processInstanceKey: number;
  elementInstanceKey: number;
  retries: number;
  deadline: string | null;
  recurAt: string | null;
  record: {
    bpmnProcessId: string;
    processDefinitionKey: number;
    processDefinitionVersion: number;
    elementId: string;
    customHeaders: Record<string, string>;
    worker: string;
    errorMessage: string;
    errorCode: string;
    kind: 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';
    /** Listener jobs: the event (start, end, creating, …) and the listener's position in the model. */
    listenerEventType?: string;
    listenerIndex?: number;
  };
}

export interface TimerRow {
  key: number;
  processInstanceKey: number | null;
  processDefinitionKey: number | null;
  elementInstanceKey: number | null;
  dueAt: string;
  record: {
    /** The catch event (or start event, boundary event) the timer triggers. */
    targetElementId: string;
    bpmnProcessId: string;
    /** Remaining repetitions of a cycle: -1 unbounded, 0 none left after this one. */
    repetitions: number;
    /** The timer's definition, to compute the next due date of a cycle. */
    kind: 'date' | 'duration' | 'cycle';
    value: string;
    firedCount: number;
  };
}

export interface MessageSubscriptionRow {
  key: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  messageName: string;
  correlationKey: string;
  record: { bpmnProcessId: string; elementId: string; interrupting: boolean };
}

export interface MessageStartSubscriptionRow {
  processKey: number;
  bpmnProcessId: string;
  messageName: string;
  elementId: string;
}

export interface MessageRow {
  key: number;
  name: string;
  correlationKey: string;
  messageId: string | null;
  expiresAt: string;
  record: { variables: Record<string, unknown>; timeToLive: number };
}

export interface MessageCorrelationRow {
  messageKey: number;
  bpmnProcessId: string;
}

export interface MessageStartLockRow {
  bpmnProcessId: string;
  correlationKey: string;
  processInstanceKey: number;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'EXECUTION_LISTENER_NO_RETRIES'
  | 'TASK_LISTENER_NO_RETRIES'
  | 'UNKNOWN';

export interface IncidentRow {
  key: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  jobKey: number | null;
  errorType: IncidentErrorType;
  state: 'ACTIVE' | 'RESOLVED';
  createdAt: string;
  record: {
    errorMessage: string;
    elementId: string;
    bpmnProcessId: string;
    processDefinitionKey: number;
    /** The lifecycle step to run again when the incident is resolved. */
    retry: 'activate' | 'complete' | 'job' | 'taskListener' | 'completionCondition' | 'none';
  };
}

export interface UserTaskRow {
  key: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  /** CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING: a transition waits for its listeners. */
  state:
    | 'CREATING'
    | 'CREATED'
    | 'ASSIGNING'
    | 'UPDATING'
    | 'COMPLETING'
    | 'CANCELING'
    | 'COMPLETED'
    | 'CANCELED';
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  createdAt: string;
  record: {
    bpmnProcessId: string;
    processDefinitionKey: number;
    processDefinitionVersion: number;
    elementId: string;
    formKey: number | null;
    formId: string | null;
    externalFormReference: string | null;
    customHeaders: Record<string, string>;
    /** The lifecycle transition waiting for task listeners, with what it changes. */
    pending?: PendingTaskTransition;
  };
}

export type TaskAttributes = Pick<
  UserTaskRow,
  'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority'
>;

export interface PendingTaskTransition {
  eventType: 'creating' | 'assigning' | 'updating' | 'completing' | 'canceling';
  change: Partial<TaskAttributes>;
  /** Corrections by the listeners that completed so far (applied when the transition ends). */
  corrections: Partial<TaskAttributes>;
  action: string;
  /** completing: the variables to complete the task with; updating: the variables to set. */
  variables?: Record<string, unknown>;
  /** updating by SetVariables: set them local to the task's element (else propagate). */
  localVariables?: boolean;
  /** creating: an assignee the process set, assigned (with assigning listeners) once created. */
  thenAssign?: string;
}

export interface DeploymentRow {
  key: number;
  createdAt: string;
}

export interface ResourceRow {
  key: number;
  deploymentKey: number;
  name: string;
  kind: 'bpmn' | 'form' | 'dmn';
  checksum: string;
  content: string;
}

export interface ProcessRow {
  key: number;
  bpmnProcessId: string;
  version: number;
  versionTag: string | null;
  resourceKey: number;
  deploymentKey: number;
  checksum: string;
  compiled: unknown;
  createdAt: string;
}

export interface FormRow {
  key: number;
  formId: string;
  version: number;
  versionTag: string | null;
  resourceKey: number;
  deploymentKey: number;
  checksum: string;
}

export interface SignalSubscriptionRow {
  key: number;
  signalName: string;
  processInstanceKey: number | null;
  elementInstanceKey: number | null;
  processDefinitionKey: number | null;
  record: { bpmnProcessId: string; elementId: string };
}

export interface PendingSignalRow {
  key: number;
  signalName: string;
  record: { variables: Record<string, unknown> };
}
