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

export {
  Engine,
  type EngineOptions,
  type CreateInstanceInput,
  type CreatedInstance,
} from './runtime/Engine';
export type { ActivatedJob, ActivateJobsInput } from './runtime/jobs/activateJobs';
export type {
  DeploymentResult,
  Resource,
  ResourceValidator,
  DeployedProcess,
  DeployedForm,
} from './deploy/deployResources';
export type { DeployedDecision, DeployedDecisionRequirements } from './deploy/deployDecisions';
export { parseDmn, type ParsedDmn } from './dmn/parseDmn';
export type { CompiledDrg } from './dmn/CompiledDrg';
export type { DecisionEvaluation, EvaluateDecisionInput } from './dmn/evaluateDecisionCommand';
export { EngineRejection, RejectionType } from './runtime/commands/EngineRejection';
export type { Clock } from './runtime/context/Clock';
export type { EngineEvent, LoggedEvent } from './log/EngineEvent';
export { ValueType, ElementIntent } from './log/EngineEvent';
export { engineMigrations } from './migrations';

export {
  startGrpcGateway,
  v2Router,
  staticTokenAuthenticator,
  authRequired,
  authenticatorFor,
  isLoopbackHost,
  GatewayErrorCode,
  type GrpcGateway,
  type GrpcGatewayOptions,
  type V2RouterOptions,
  type Authenticator,
  type Principal,
  engineService,
  gatewayAuthenticators,
  type GatewayAuthenticators,
  type EngineService,
  type EngineServiceOptions,
} from './gateway';
