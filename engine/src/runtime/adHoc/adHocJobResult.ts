import { ValueType } from '../../log/EngineEvent';
import type { AdHocSubProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow, JobRow } from '../../state/rows';
import { reject } from '../commands/EngineRejection';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import type { JobResult } from '../listeners/completeListenerJob';
import { activatable, unknownElementsMessage } from './adHocElements';
import { fulfilAdHocCompletion } from './adHocProgress';

/**
 * The worker of an ad-hoc sub-process completed its job: the elements it names are activated
 * (each with its variables as local ones), or the completion condition is fulfilled —
 * cancelling what still runs if it asks so. Never both (Zeebe refuses that too).
 */
export function completeAdHocJob(
  life: Lifecycle,
  job: JobRow,
  instance: ElementInstanceRow,
  element: AdHocSubProcess,
  variables: Record<string, unknown>,
  result: JobResult | undefined,
): void {
  const what = `Expected to complete job with key '${job.key}' of ad-hoc sub-process '${element.id}'`;
  if (result?.type === 'userTask' || result?.denied || result?.corrections) {
    throw reject.invalidArgument(
      `${what} with a result of type 'adHocSubProcess', but it is a user task result (denied / corrections). Send activateElements, isCompletionConditionFulfilled and isCancelRemainingInstances.`,
    );
  }
  const toActivate = result?.activateElements ?? [];
  const fulfilled = result?.isCompletionConditionFulfilled === true;
  if (fulfilled && toActivate.length > 0) {
    throw reject.invalidArgument(
      `${what}, but the result both activates elements and fulfils the completion condition. Do one of them: activate elements now and fulfil the condition in a later job.`,
    );
  }
  const allowed = activatable(life.processOf(instance), element);
  const unknown = toActivate.map((e) => e.elementId).filter((id) => !allowed.includes(id));
  if (unknown.length > 0) {
    throw reject.invalidArgument(
      unknownElementsMessage(`${what} activating its inner elements`, unknown, allowed),
    );
  }
  life.ctx.emit(
    ValueType.Job,
    'COMPLETED',
    job.key,
    { row: job, variables, ...(result ? { result } : {}) },
    job.processInstanceKey,
  );
  life.mergeResultVariables(instance, variables);
  for (const { elementId, variables: local } of toActivate) {
    life.push({
      op: 'activate',
      definitionKey: instance.record.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      elementId,
      flowScopeKey: instance.key,
      consumedFlowIds: [],
      ...(local && Object.keys(local).length > 0 ? { localVariables: local } : {}),
    });
  }
  if (fulfilled) fulfilAdHocCompletion(life, instance, result?.isCancelRemainingInstances === true);
}
