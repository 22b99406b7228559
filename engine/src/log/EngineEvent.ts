/** Zeebe's record value types, for the kinds of events Balcão's engine writes. */
export const ValueType = {
  Deployment: 'DEPLOYMENT',
  Process: 'PROCESS',
  Form: 'FORM',
  DecisionRequirements: 'DECISION_REQUIREMENTS',
  Decision: 'DECISION',
  DecisionEvaluation: 'DECISION_EVALUATION',
  ProcessInstance: 'PROCESS_INSTANCE',
  ProcessInstanceCreation: 'PROCESS_INSTANCE_CREATION',
  ProcessInstanceModification: 'PROCESS_INSTANCE_MODIFICATION',
  ProcessInstanceMigration: 'PROCESS_INSTANCE_MIGRATION',
  Variable: 'VARIABLE',
  Job: 'JOB',
  JobBatch: 'JOB_BATCH',
  Timer: 'TIMER',
  Message: 'MESSAGE',
  MessageSubscription: 'MESSAGE_SUBSCRIPTION',
  MessageStartEventSubscription: 'MESSAGE_START_EVENT_SUBSCRIPTION',
  Incident: 'INCIDENT',
  UserTask: 'USER_TASK',
  Error: 'ERROR',
  Signal: 'SIGNAL',
  SignalSubscription: 'SIGNAL_SUBSCRIPTION',
  CompensationSubscription: 'COMPENSATION_SUBSCRIPTION',
} as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** Element lifecycle intents (PROCESS_INSTANCE value type). */
export const ElementIntent = {
  Activating: 'ELEMENT_ACTIVATING',
  Activated: 'ELEMENT_ACTIVATED',
  Completing: 'ELEMENT_COMPLETING',
  Completed: 'ELEMENT_COMPLETED',
  Terminating: 'ELEMENT_TERMINATING',
  Terminated: 'ELEMENT_TERMINATED',
  SequenceFlowTaken: 'SEQUENCE_FLOW_TAKEN',
  /**
   * Balcão's own: an interrupting event sub-process was triggered in this scope; its other
   * elements are being terminated and nothing else starts in it. (Zeebe has no such record.)
   */
  ScopeInterrupted: 'SCOPE_INTERRUPTED',
  /**
   * Balcão's own: an ad-hoc sub-process's completion condition is fulfilled (by its expression
   * or its job worker); it completes once nothing inside it runs. (Zeebe has no such record.)
   */
  CompletionConditionFulfilled: 'COMPLETION_CONDITION_FULFILLED',
} as const;
export type ElementIntent = (typeof ElementIntent)[keyof typeof ElementIntent];

/**
 * One entry of the event log. `value` carries everything the event's applier needs, so the
 * log alone rebuilds the state. Position is assigned by the database on append.
 */
export interface EngineEvent {
  key: number;
  valueType: ValueType;
  intent: string;
  processInstanceKey?: number | undefined;
  value: Record<string, unknown>;
  timestamp: string;
}

/** An event as read back from the log. */
export interface LoggedEvent extends EngineEvent {
  position: number;
}
