/**
 * A compensation subscription: an activity that completed and can still be compensated
 * (Zeebe's COMPENSATION_SUBSCRIPTION). A completed sub-process that holds subscriptions gets
 * one too, without a handler, so a compensation in the outer scope reaches inside it.
 */
export interface CompensationSubscriptionRow {
  key: number;
  processInstanceKey: number;
  /** CREATED: can be compensated; TRIGGERED: its handler runs for a throw event. */
  state: 'CREATED' | 'TRIGGERED';
  record: {
    bpmnProcessId: string;
    processDefinitionKey: number;
    compensableActivityId: string;
    compensableActivityInstanceKey: number;
    /** The element instance of the scope the activity completed in. */
    compensableActivityScopeKey: number;
    /** The activity marked isForCompensation; absent for a sub-process without its own. */
    compensationHandlerId?: string;
    /** Completion order within the process instance (compensation undoes the latest first). */
    sequence: number;
    /** TRIGGERED: the compensation throw event waiting for the handler. */
    throwEventInstanceKey?: number;
  };
}
