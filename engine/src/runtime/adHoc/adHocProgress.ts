import { evaluateCondition, evaluateFeel } from '../../feel/evaluateFeel';
import { ElementIntent } from '../../log/EngineEvent';
import type { AdHocSubProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import { cancelJobsOf, createJob, prepareJob, type PreparedJob } from '../jobs/jobBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { setLocalVariables, visibleVariables } from '../variables/variables';

/** Still deciding: active, not ended by a terminate end event or an interrupting event. */
function deciding(instance: ElementInstanceRow): boolean {
  return (
    instance.state === ElementIntent.Activated &&
    instance.record.terminated !== true &&
    instance.record.completionConditionFulfilled !== true
  );
}

/**
 * The completion condition holds: nothing new starts inside; with `cancelRemaining` what still
 * runs is terminated, else the sub-process waits for it. Either way it then completes.
 */
export function fulfilAdHocCompletion(
  life: Lifecycle,
  instance: ElementInstanceRow,
  cancelRemaining: boolean,
): void {
  life.emitElement(ElementIntent.CompletionConditionFulfilled, instance);
  if (cancelRemaining) {
    life.emitElement(ElementIntent.ScopeInterrupted, life.instance(instance.key)!, { record: {} });
    for (const child of life.children(instance.key)) life.push({ op: 'terminate', key: child.key });
  }
  life.push({ op: 'checkScope', key: instance.key });
}

/** Engine-run: evaluates the completion condition after an inner element completed. */
export function checkAdHocCompletion(
  life: Lifecycle,
  element: AdHocSubProcess,
  instance: ElementInstanceRow,
): void {
  if (!deciding(instance) || element.completionCondition === undefined) return;
  const condition = evaluateCondition(
    element.completionCondition,
    visibleVariables(life.ctx, instance.key),
  );
  if (!condition.ok) {
    raiseIncident(
      life.ctx,
      instance,
      'EXTRACT_VALUE_ERROR',
      condition.message,
      'completionCondition',
    );
    return;
  }
  if (condition.value) fulfilAdHocCompletion(life, instance, true);
}

/**
 * Worker-run: an inner flow ended, so the worker decides again. Only one job exists at a time:
 * one still waiting is canceled (its worker's completion is then rejected as not found).
 */
export function recreateAdHocJob(
  life: Lifecycle,
  element: AdHocSubProcess,
  instance: ElementInstanceRow,
): void {
  if (!deciding(instance)) return;
  const prepared = prepareJob(life, instance, element.job!, {}, 'completionCondition');
  if (!prepared.ok) return;
  cancelJobsOf(life, instance);
  createJob(life, instance, prepared.data as PreparedJob);
}

/** An incident of the completion step was resolved: evaluate (or ask the worker) again. */
export function retryAdHocCompletion(life: Lifecycle, key: number): void {
  const instance = life.instance(key);
  const element = instance && life.element(instance);
  if (!instance || element?.kind !== 'adHocSubProcess') return;
  if (element.job) {
    recreateAdHocJob(life, element, instance);
    return;
  }
  if (element.cancelRemainingInstances) checkAdHocCompletion(life, element, instance);
  // The last inner element may have completed while the incident was open.
  life.push({ op: 'checkScope', key });
}

/**
 * Adds the `outputElement` of an ended inner flow (evaluated where the flow's last element
 * sees its variables) to the local `outputCollection`; false after an incident on that element.
 */
export function collectAdHocOutput(
  life: Lifecycle,
  element: AdHocSubProcess,
  instance: ElementInstanceRow,
  child: ElementInstanceRow,
): boolean {
  const output = evaluateFeel(element.outputElement!, visibleVariables(life.ctx, child.key));
  if (!output.ok) {
    raiseIncident(life.ctx, child, 'EXTRACT_VALUE_ERROR', output.message, 'complete');
    return false;
  }
  const name = element.outputCollection!;
  const current = life.ctx.state.variables.find(
    (v) => v.scopeKey === instance.key && v.name === name,
  )?.value;
  const collected: unknown[] = Array.isArray(current) ? (current as unknown[]) : [];
  setLocalVariables(life.ctx, instance.key, instance.processInstanceKey, {
    [name]: [...collected, output.value],
  });
  return true;
}
