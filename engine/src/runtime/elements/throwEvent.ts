import type { IntermediateThrowEvent } from '../../model/CompiledProcess';
import { throwCompensation } from '../events/compensation';
import { throwEscalation } from '../events/throwEscalation';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { takeFlow } from '../lifecycle/takeFlow';
import { jobTask } from './jobTask';
import { sendSignal } from './sendSignal';

/**
 * Intermediate throw events: none passes; message throw is a job; escalation looks for a
 * catching event outwards; link jumps to the catch link of the same name in its scope.
 */
export const throwEvent: ElementBehaviour<IntermediateThrowEvent> = {
  prepare(life, element, instance) {
    if (element.job) return jobTask.prepare!(life, element, instance);
    const type = element.eventDefinition.type;
    if (['none', 'escalation', 'link', 'signal', 'compensation'].includes(type))
      return { ok: true };
    raiseIncident(
      life.ctx,
      instance,
      'UNKNOWN',
      `Expected to throw a ${type} event at '${element.id}', but ${type} throw events are not supported by this engine version yet.`,
      'activate',
    );
    return { ok: false };
  },
  activated(life, element, instance, data) {
    if (element.job) return jobTask.activated!(life, element, instance, data);
    const definition = element.eventDefinition;
    if (
      definition.type === 'escalation' &&
      throwEscalation(life, instance, definition.escalationCode ?? '')
    )
      return;
    if (definition.type === 'signal' && !sendSignal(life, instance, definition.signalName)) return;
    // A compensation throw event waits for the handlers it started.
    if (
      definition.type === 'compensation' &&
      throwCompensation(life, instance, definition.activityRef)
    )
      return;
    life.push({ op: 'complete', key: instance.key });
  },
  completed(life, element, instance) {
    const definition = element.eventDefinition;
    if (definition.type !== 'link') {
      for (const flowId of element.outgoing) takeFlow(life, instance, flowId);
      return;
    }
    const process = life.processOf(instance);
    const target = Object.values(process.elements).find(
      (e) =>
        e.kind === 'intermediateCatchEvent' &&
        e.scopeId === element.scopeId &&
        e.eventDefinition.type === 'link' &&
        e.eventDefinition.linkName === definition.linkName,
    );
    if (!target) return;
    life.push({
      op: 'activate',
      definitionKey: instance.record.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      elementId: target.id,
      flowScopeKey: instance.flowScopeKey!,
      consumedFlowIds: [],
    });
  },
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
