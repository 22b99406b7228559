import type { EventBasedGateway } from '../../model/CompiledProcess';
import { openSubscriptions, prepareSubscriptions } from '../events/eventSubscriptions';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { takeFlow } from '../lifecycle/takeFlow';

/**
 * Waits for the first of the events after it (messages, timers). The gateway owns their
 * subscriptions; the event that happens first wins and the others are closed.
 */
export const eventBasedGateway: ElementBehaviour<EventBasedGateway> = {
  prepare(life, element, instance) {
    const process = life.processOf(instance);
    const events = element.outgoing.map(
      (flowId) => process.elements[process.flows[flowId]!.targetId]!,
    );
    const prepared = prepareSubscriptions(life, instance, events);
    return prepared.ok ? { ok: true, data: prepared } : { ok: false };
  },
  async activated(life, _element, _instance, data) {
    const prepared = data as ReturnType<typeof prepareSubscriptions>;
    if (prepared.ok) await openSubscriptions(life, prepared.subscriptions);
  },
  completed(life, element, instance) {
    const winner = instance.record.triggeredBy!;
    const process = life.processOf(instance);
    const flowId = element.outgoing.find((id) => process.flows[id]!.targetId === winner.elementId)!;
    // The winning event's variables travel with the token; the catch event completes at once.
    takeFlow(life, instance, flowId, {
      variables: winner.variables,
      record: { triggeredBy: winner },
    });
  },
};
