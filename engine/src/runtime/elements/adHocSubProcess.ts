import { evaluateFeel, unexpectedTypeMessage } from '../../feel/evaluateFeel';
import type { AdHocSubProcess } from '../../model/CompiledProcess';
import {
  activatable,
  adHocSubProcessElements,
  endsInnerFlow,
  unknownElementsMessage,
} from '../adHoc/adHocElements';
import { checkAdHocCompletion, collectAdHocOutput, recreateAdHocJob } from '../adHoc/adHocProgress';
import { raiseIncident } from '../incidents/raiseIncident';
import { cancelJobsOf, createJob, prepareJob, type PreparedJob } from '../jobs/jobBehaviour';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables/variables';

interface Activation {
  ids: string[];
  job?: PreparedJob;
}

/**
 * An ad-hoc sub-process. Run by the engine (Zeebe's BPMN implementation), it activates on entry
 * the inner elements its `activeElementsCollection` names and completes by its
 * `completionCondition` or when nothing inside is active. Run by a job worker
 * (`zeebe:taskDefinition`), it creates a job on entry and again whenever an inner flow ends;
 * the worker's job result activates elements or fulfils the completion condition
 * (`adHocJobResult`). Either way `outputElement` of each ended flow is collected into the
 * local `outputCollection`, which goes to the parent scope on completion.
 */
export const adHocSubProcess: ElementBehaviour<AdHocSubProcess> = {
  prepare(life, element, instance) {
    if (element.job) {
      const job = prepareJob(life, instance, element.job);
      if (!job.ok) return job;
      return { ok: true, data: { ids: [], job: job.data as PreparedJob } satisfies Activation };
    }
    if (element.activeElementsCollection === undefined) return { ok: true, data: { ids: [] } };
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
        unknownElementsMessage(
          `Expected the active elements of ad-hoc sub-process '${element.id}' to be ids of its inner elements`,
          unknown,
          allowed,
        ),
      );
    }
    return { ok: true, data: { ids: ids as string[] } satisfies Activation };
  },
  activated(life, element, instance, data) {
    const { ids, job } = data as Activation;
    setLocalVariables(life.ctx, instance.key, instance.processInstanceKey, {
      adHocSubProcessElements: adHocSubProcessElements(life.processOf(instance), element),
      ...(element.outputCollection === undefined ? {} : { [element.outputCollection]: [] }),
    });
    if (job) createJob(life, instance, job);
    life.push({ op: 'openEventSubProcesses', key: instance.key });
    for (const elementId of ids) {
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
  childCompleting(life, element, instance, child) {
    if (element.outputElement === undefined) return true;
    if (!endsInnerFlow(life.processOf(instance), child)) return true;
    return collectAdHocOutput(life, element, instance, child);
  },
  childCompleted(life, element, instance, child) {
    if (element.job) {
      if (endsInnerFlow(life.processOf(instance), child)) recreateAdHocJob(life, element, instance);
      return;
    }
    // Without cancelling, the sub-process completes anyway once its last inner element is done.
    if (element.completionCondition === undefined || !element.cancelRemainingInstances) return;
    checkAdHocCompletion(life, element, instance);
  },
  holdsCompletion(life, element, instance) {
    // An open incident (its completion condition failed) holds it until it is resolved.
    if (life.ctx.state.incidents.find((i) => i.elementInstanceKey === instance.key)) return true;
    return (
      element.job !== undefined &&
      instance.record.completionConditionFulfilled !== true &&
      instance.record.terminated !== true
    );
  },
  completing(life, element, instance) {
    // A job re-created while the last flow ended is no longer needed.
    cancelJobsOf(life, instance);
    if (element.outputCollection !== undefined) {
      const name = element.outputCollection;
      const collected = life.ctx.state.variables.find(
        (v) => v.scopeKey === instance.key && v.name === name,
      );
      propagateVariables(life.ctx, instance.flowScopeKey!, instance.processInstanceKey, {
        [name]: collected?.value ?? [],
      });
    }
    return true;
  },
  terminating: (life, _element, instance) => cancelJobsOf(life, instance),
};
