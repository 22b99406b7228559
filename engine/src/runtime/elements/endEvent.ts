import type { EndEvent } from '../../model/CompiledProcess';
import { throwCompensation } from '../events/compensation';
import { throwError } from '../events/throwError';
import { throwEscalation } from '../events/throwEscalation';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { jobTask } from './jobTask';
import { sendSignal } from './sendSignal';

/**
 * End events: none completes; terminate ends every other element of its scope; error throws
 * the error to the nearest catching event; message end events are jobs.
 */
export const endEvent: ElementBehaviour<EndEvent> = {
  prepare(life, element, instance) {
    if (element.job) return jobTask.prepare!(life, element, instance);
    const definition = element.eventDefinition;
    if (definition.type !== 'error') return { ok: true };
    // The error leaves before the end event is ACTIVATED: a catching boundary terminates the
    // scope (and this event with it); otherwise an incident keeps it here until resolved.
    throwError(
      life,
      instance,
      definition.errorCode ?? '',
      definition.errorMessage ?? '',
      {},
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
    // A compensation end event waits for the handlers it started.
    if (
      definition.type === 'compensation' &&
      throwCompensation(life, instance, definition.activityRef)
    )
      return;
    life.push({ op: 'complete', key: instance.key });
  },
  completed(life, element, instance) {
    if (element.eventDefinition.type !== 'terminate') return;
    for (const sibling of life.children(instance.flowScopeKey!)) {
      if (sibling.key !== instance.key) life.push({ op: 'terminate', key: sibling.key });
    }
  },
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
