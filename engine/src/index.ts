export type * from './model/CompiledProcess';
export { JOB_WORKER_USER_TASK_TYPE, ListenerEventType } from './model/CompiledProcess';
export {
  boundaryEventsOf,
  childrenOf,
  elementOfKind,
  messageStartEventFor,
  outgoingFlows,
  targetOfFlow,
} from './model/processGraph';
export { parseBpmn, type ParseBpmnResult } from './model/parseBpmn';
export { formatModelError, type ModelError } from './model/ModelError';

export { evaluateFeel, evaluateCondition, type FeelResult } from './feel/evaluateFeel';
export { checkFeelSyntax, stripFeelMarker } from './feel/checkFeelSyntax';
export {
  evaluateStaticOrFeel,
  type ExpectedType,
  type StaticOrFeelResult,
} from './feel/evaluateStaticOrFeel';
export { applyMappings, type MappingResult } from './feel/applyMappings';
export { toJsonValue, type JsonValue } from './feel/toJsonValue';

export { parseTimerValue } from './timers/parseTimerValue';
export { nextDueDate, type NextDueDateOptions } from './timers/nextDueDate';
export type { TimerSpec, TimerParseResult } from './timers/TimerSpec';
export type { CronSchedule } from './timers/parseCron';
