import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import { applyCompensationEvent } from './applyCompensationEvent';
import { applyDeploymentEvent } from './applyDeploymentEvent';
import { applyElementEvent } from './applyElementEvent';
import { applyIncidentEvent } from './applyIncidentEvent';
import { applyJobEvent } from './applyJobEvent';
import { applyMigrationEvent } from './applyMigrationEvent';
import { applyMessageEvent } from './applyMessageEvent';
import { applySignalEvent } from './applySignalEvent';
import { applyTimerEvent } from './applyTimerEvent';
import { applyUserTaskEvent } from './applyUserTaskEvent';
import { applyVariableEvent } from './applyVariableEvent';

export type Applier = (state: EngineState, event: EngineEvent) => void;

const appliers: Record<string, Applier> = {
  DEPLOYMENT: applyDeploymentEvent,
  PROCESS: applyDeploymentEvent,
  FORM: applyDeploymentEvent,
  DECISION_REQUIREMENTS: applyDeploymentEvent,
  DECISION: applyDeploymentEvent,
  PROCESS_INSTANCE: applyElementEvent,
  PROCESS_INSTANCE_MIGRATION: applyMigrationEvent,
  VARIABLE: applyVariableEvent,
  JOB: applyJobEvent,
  JOB_BATCH: applyJobEvent,
  TIMER: applyTimerEvent,
  MESSAGE: applyMessageEvent,
  MESSAGE_SUBSCRIPTION: applyMessageEvent,
  MESSAGE_START_EVENT_SUBSCRIPTION: applyMessageEvent,
  INCIDENT: applyIncidentEvent,
  USER_TASK: applyUserTaskEvent,
  SIGNAL: applySignalEvent,
  SIGNAL_SUBSCRIPTION: applySignalEvent,
  COMPENSATION_SUBSCRIPTION: applyCompensationEvent,
};

/**
 * The only way state changes: each event is applied by the applier of its value type.
 * Replaying the log through this function rebuilds the state tables.
 */
export function applyEvent(state: EngineState, event: EngineEvent): void {
  appliers[event.valueType]?.(state, event);
}
