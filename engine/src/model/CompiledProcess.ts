/**
 * The compiled graph of one executable BPMN process: plain JSON-serialisable data (the
 * runtime may cache or store it) that never refers to moddle objects. Every element of
 * every scope (process, sub-processes) lives flat in `elements`, keyed by id; `scopeId`
 * says which process / sub-process encloses it.
 */

/** A property that the model may give either as a static string or as a FEEL expression. */
export type Expression =
  | { kind: 'static'; value: string }
  | { kind: 'feel'; /** without the leading '=' */ source: string };

/** `zeebe:input` / `zeebe:output`: `target` is a variable path such as `a.b`. */
export interface Mapping {
  source: Expression;
  target: string;
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL without the leading '='; undefined for an unconditioned flow. */
  condition?: string;
}

export const ListenerEventType = {
  Start: 'start',
  End: 'end',
} as const;
export type ListenerEventType = (typeof ListenerEventType)[keyof typeof ListenerEventType];

/** `zeebe:executionListener`: a job the runtime creates at the element's start / end. */
export interface Listener {
  eventType: ListenerEventType;
  type: Expression;
  retries: Expression;
}

/** `zeebe:taskListener` on a Camunda user task (eventType e.g. creating, assigning, completing). */
export interface TaskListener {
  eventType: string;
  type: Expression;
  retries: Expression;
}

export interface MultiInstance {
  isSequential: boolean;
  /** FEEL without '=' that yields the list to iterate over. */
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  /** FEEL without '='. */
  outputElement?: string;
  /** FEEL without '='. */
  completionCondition?: string;
}

export type TimerKind = 'date' | 'duration' | 'cycle';

export type EventDefinition =
  | { type: 'none' }
  | {
      type: 'message';
      messageName: Expression;
      /** Absent on message start events (Zeebe ignores it there). */
      correlationKey?: Expression;
      /** Buffer time-to-live for message start events' subscriptions, if modelled. */
      messageId?: string;
    }
  | { type: 'timer'; timer: { kind: TimerKind; expression: Expression } }
  | { type: 'error'; /** undefined = catch-all */ errorCode?: string; errorMessage?: string }
  | { type: 'terminate' }
  | { type: 'signal'; signalName: Expression }
  | { type: 'escalation'; /** undefined = catch-all */ escalationCode?: string }
  | { type: 'link'; linkName: string }
  /** Throw events always wait for the handlers (waitForCompletion="false" is refused). */
  | { type: 'compensation'; activityRef?: string };

export type EventDefinitionType = EventDefinition['type'];

export type BindingType = 'latest' | 'deployment' | 'versionTag';

/** Zeebe's job definition: what workers poll for. */
export interface JobDefinition {
  type: Expression;
  retries: Expression;
  /** zeebe:taskHeaders, static key/value strings. */
  headers: Record<string, string>;
}

export interface ScriptDefinition {
  /** FEEL without '='. */
  expression: string;
  resultVariable: string;
}

export interface CalledDecision {
  decisionId: Expression;
  resultVariable: string;
  bindingType: BindingType;
  versionTag?: string;
}

export interface CalledElement {
  processId: Expression;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
  bindingType: BindingType;
  versionTag?: string;
}

export interface FormReference {
  formId?: string;
  formKey?: string;
  /** FEEL or static URL of a form hosted elsewhere. */
  externalReference?: Expression;
  bindingType: BindingType;
  versionTag?: string;
}

export interface UserTaskDefinition {
  /** true when zeebe:userTask is present (Camunda user task); false = job-based user task. */
  camunda: boolean;
  assignee?: Expression;
  candidateGroups?: Expression;
  candidateUsers?: Expression;
  dueDate?: Expression;
  followUpDate?: Expression;
  priority?: Expression;
  form?: FormReference;
  taskListeners: TaskListener[];
}

/** Fields every element shares. */
export interface ElementBase {
  id: string;
  name?: string;
  /** bpmn:documentation text (an ad-hoc sub-process's worker reads it). */
  documentation?: string;
  /** Id of the enclosing process or sub-process. */
  scopeId: string;
  /** Ids of incoming sequence flows. */
  incoming: string[];
  /** Ids of outgoing sequence flows. */
  outgoing: string[];
  inputMappings: Mapping[];
  outputMappings: Mapping[];
  /** Ids of boundary events attached to this element (activities only, else empty). */
  boundaryEventIds: string[];
  executionListeners: Listener[];
  /** zeebe:properties, plus task headers whose key starts with `balcao:` (milestones). */
  properties: Record<string, string>;
  multiInstance?: MultiInstance;
  /** Marked `isForCompensation`: a compensation handler, started only by compensation. */
  forCompensation?: boolean;
}

export interface StartEvent extends ElementBase {
  kind: 'startEvent';
  eventDefinition: EventDefinition;
  /** Only for start events of event sub-processes. */
  interrupting: boolean;
}
export interface EndEvent extends ElementBase {
  kind: 'endEvent';
  eventDefinition: EventDefinition;
  /** Message end events behave like send tasks (a job). */
  job?: JobDefinition;
}
export interface IntermediateCatchEvent extends ElementBase {
  kind: 'intermediateCatchEvent';
  eventDefinition: EventDefinition;
}
export interface IntermediateThrowEvent extends ElementBase {
  kind: 'intermediateThrowEvent';
  eventDefinition: EventDefinition;
  /** Message throw events behave like send tasks (a job). */
  job?: JobDefinition;
}
export interface BoundaryEvent extends ElementBase {
  kind: 'boundaryEvent';
  eventDefinition: EventDefinition;
  attachedToId: string;
  interrupting: boolean;
  /** Compensation boundary events: the handler the association points to. */
  compensationHandlerId?: string;
}

export interface ServiceTask extends ElementBase {
  kind: 'serviceTask';
  job: JobDefinition;
}
export interface SendTask extends ElementBase {
  kind: 'sendTask';
  job: JobDefinition;
}
export interface BusinessRuleTask extends ElementBase {
  kind: 'businessRuleTask';
  /** Exactly one of job / calledDecision is set. */
  job?: JobDefinition;
  calledDecision?: CalledDecision;
}
export interface ScriptTask extends ElementBase {
  kind: 'scriptTask';
  /** Exactly one of job / script is set. */
  job?: JobDefinition;
  script?: ScriptDefinition;
}
export interface UserTask extends ElementBase {
  kind: 'userTask';
  userTask: UserTaskDefinition;
  /** Job-based user tasks: type is the static `io.camunda.zeebe:userTask`. */
  job?: JobDefinition;
}
export interface ReceiveTask extends ElementBase {
  kind: 'receiveTask';
  eventDefinition: Extract<EventDefinition, { type: 'message' }>;
}
export interface ManualTask extends ElementBase {
  kind: 'manualTask';
}
/** An undefined task (`bpmn:task`): passes through. */
export interface Task extends ElementBase {
  kind: 'task';
}
export interface ExclusiveGateway extends ElementBase {
  kind: 'exclusiveGateway';
  defaultFlowId?: string;
}
export interface InclusiveGateway extends ElementBase {
  kind: 'inclusiveGateway';
  defaultFlowId?: string;
}
export interface ParallelGateway extends ElementBase {
  kind: 'parallelGateway';
}
export interface EventBasedGateway extends ElementBase {
  kind: 'eventBasedGateway';
}
export interface SubProcessStarts {
  none?: string;
  /** Start events of event sub-processes inside this scope, by trigger. */
  eventSubProcessStartIds: string[];
}
export interface SubProcess extends ElementBase {
  kind: 'subProcess';
  /** true = event sub-process: started by its start event, not by a sequence flow. */
  triggeredByEvent: boolean;
  /** Ids of the direct children (elements whose scopeId is this id). */
  childIds: string[];
  starts: SubProcessStarts;
}
export interface AdHocSubProcess extends ElementBase {
  kind: 'adHocSubProcess';
  childIds: string[];
  /** Start events of the event sub-processes inside it. */
  starts: Pick<SubProcessStarts, 'eventSubProcessStartIds'>;
  /** FEEL without '=' listing the ids of the elements to activate, if modelled. */
  activeElementsCollection?: string;
  completionCondition?: string;
  cancelRemainingInstances: boolean;
  /** zeebe:adHoc outputCollection / outputElement (FEEL without '='). */
  outputCollection?: string;
  outputElement?: string;
  /** Set when a job worker runs the sub-process (zeebe:taskDefinition). */
  job?: JobDefinition;
}
export interface CallActivity extends ElementBase {
  kind: 'callActivity';
  calledElement: CalledElement;
}

export type CompiledElement =
  | StartEvent
  | EndEvent
  | IntermediateCatchEvent
  | IntermediateThrowEvent
  | BoundaryEvent
  | ServiceTask
  | SendTask
  | BusinessRuleTask
  | ScriptTask
  | UserTask
  | ReceiveTask
  | ManualTask
  | Task
  | ExclusiveGateway
  | InclusiveGateway
  | ParallelGateway
  | EventBasedGateway
  | SubProcess
  | AdHocSubProcess
  | CallActivity;

export type ElementKind = CompiledElement['kind'];

export interface ProcessStartEvents {
  /** The none start event of the process (root scope), if any. */
  none?: string;
  /** Message start events of the root scope. */
  message: string[];
  timer: string[];
  signal: string[];
  /** Start events of event sub-processes directly in the root scope. */
  eventSubProcess: string[];
}

export interface CompiledProcess {
  bpmnProcessId: string;
  name?: string;
  versionTag?: string;
  /** Every element of every scope, keyed by id. Sequence flows are in `flows`. */
  elements: Record<string, CompiledElement>;
  flows: Record<string, SequenceFlow>;
  /** = bpmnProcessId; the scopeId of the process's direct children. */
  rootScopeId: string;
  /** Ids of the direct children of the process. */
  childIds: string[];
  startEvents: ProcessStartEvents;
  /** zeebe:properties of the process. */
  properties: Record<string, string>;
  executionListeners: Listener[];
}

/** Standard job type of job-based user tasks in Zeebe. */
export const JOB_WORKER_USER_TASK_TYPE = 'io.camunda.zeebe:userTask';
