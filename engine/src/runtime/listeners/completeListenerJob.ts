import { ValueType } from '../../log/EngineEvent';
import type { JobRow } from '../../state/rows';
import { reject } from '../commands/EngineRejection';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { executionListenerCompleted } from './executionListeners';
import { checkTaskListenerResult, taskListenerCompleted } from './taskListeners';

/**
 * What a worker may answer besides variables (Zeebe's `JobResult`): a task listener denies or
 * corrects (`userTask`); an ad-hoc sub-process's worker activates elements or ends it
 * (`adHocSubProcess`).
 */
export interface JobResult {
  type?: 'userTask' | 'adHocSubProcess';
  denied?: boolean;
  deniedReason?: string;
  corrections?: TaskCorrections;
  activateElements?: { elementId: string; variables?: Record<string, unknown> }[];
  isCompletionConditionFulfilled?: boolean;
  isCancelRemainingInstances?: boolean;
}

/** User task attributes a task listener may correct (null or absent keeps the value). */
export interface TaskCorrections {
  assignee?: string | null;
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateUsers?: string[] | null;
  candidateGroups?: string[] | null;
  priority?: number | null;
}

/** Completes the job of an execution or task listener: the element (or task) goes on. */
export function completeListenerJob(
  life: Lifecycle,
  job: JobRow,
  variables: Record<string, unknown>,
  result: JobResult | undefined,
): void {
  if (result?.type === 'adHocSubProcess') {
    throw reject.invalidArgument(
      `Expected to complete job with key '${job.key}' with a result of type 'adHocSubProcess', but it is a job of kind '${job.record.kind}'. Send a 'userTask' result (or none).`,
    );
  }
  if (job.record.kind === 'TASK_LISTENER') checkTaskListenerResult(job, variables, result);
  life.ctx.emit(
    ValueType.Job,
    'COMPLETED',
    job.key,
    { row: job, variables, ...(result ? { result } : {}) },
    job.processInstanceKey,
  );
  if (job.record.kind === 'EXECUTION_LISTENER') executionListenerCompleted(life, job, variables);
  else taskListenerCompleted(life, job, result ?? {});
}
