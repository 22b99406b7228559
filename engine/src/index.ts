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
