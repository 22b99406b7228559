import { evaluateCondition, evaluateFeel, unexpectedTypeMessage } from '../../feel/evaluateFeel';
import { ElementIntent } from '../../log/EngineEvent';
import type { AdHocSubProcess, CompiledProcess } from '../../model/CompiledProcess';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { visibleVariables } from '../variables/variables';

/**
 * An ad-hoc sub-process run by the engine (Zeebe's BPMN implementation): on entering, it
 * activates the inner elements its `activeElementsCollection` names (none: it stays active).
 * After each inner element completes, a `completionCondition` that holds ends it, cancelling
 * what still runs unless `cancelRemainingInstances` is false. Without a condition it completes
 * when nothing inside is active, like an embedded sub-process.
 */
export const adHocSubProcess: ElementBehaviour<AdHocSubProcess> = {
  prepare(life, element, instance) {
    if (element.activeElementsCollection === undefined) return { ok: true, data: [] };
    const source = element.activeElementsCollection;
    const result = evaluateFeel(source, visibleVariables(life.ctx, instance.key));
    const fail = (message: string) => {
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', message, 'activate');
      return { ok: false as const };
    };
    if (!result.ok) return fail(result.message);
    const ids = result.value;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      return fail(unexpectedTypeMessage(source, 'ARRAY of STRING', ids, result.warnings));
    }
    const allowed = activatable(life.processOf(instance), element);
    const unknown = (ids as string[]).filter((id) => !allowed.includes(id));
    if (unknown.length > 0) {
      return fail(
        `Expected the active elements of ad-hoc sub-process '${element.id}' to be ids of its inner elements, but ${unknown.map((id) => `'${id}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not: use ${allowed.map((id) => `'${id}'`).join(', ')}.`,
      );
    }
    return { ok: true, data: ids };
  },
  activated(life, _element, instance, data) {
    for (const elementId of data as string[]) {
      life.push({
        op: 'activate',
        definitionKey: instance.record.processDefinitionKey,
        processInstanceKey: instance.processInstanceKey,
        elementId,
        flowScopeKey: instance.key,
        consumedFlowIds: [],
      });
    }
  },
  childCompleted(life, element, instance) {
    // Without cancelling, the sub-process completes anyway once its last inner element is done.
    if (element.completionCondition === undefined || !element.cancelRemainingInstances) return;
    if (instance.state !== ElementIntent.Activated || instance.record.terminated) return;
    const condition = evaluateCondition(
      element.completionCondition,
      visibleVariables(life.ctx, instance.key),
    );
    if (!condition.ok) {
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', condition.message, 'none');
      return;
    }
    if (!condition.value) return;
    // Nothing new starts inside; the rest is terminated and the scope then completes.
    life.emitElement(ElementIntent.ScopeInterrupted, instance, { record: {} });
    for (const child of life.children(instance.key)) life.push({ op: 'terminate', key: child.key });
  },
};

/** Inner elements that may be activated: not boundary events or compensation handlers. */
function activatable(process: CompiledProcess, element: AdHocSubProcess): string[] {
  return element.childIds.filter((id) => {
    const child = process.elements[id];
    return (
      child !== undefined &&
      child.kind !== 'boundaryEvent' &&
      child.forCompensation !== true &&
      !(child.kind === 'subProcess' && child.triggeredByEvent)
    );
  });
}
