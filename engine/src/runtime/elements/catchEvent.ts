import type { IntermediateCatchEvent, ReceiveTask } from '../../model/CompiledProcess';
import { openSubscriptions, prepareSubscriptions } from '../events/eventSubscriptions';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';

/**
 * An intermediate catch event (message, timer) or receive task waits for its event. When an
 * event-based gateway already caught the event, it completes at once.
 */
export const catchEvent: ElementBehaviour<IntermediateCatchEvent | ReceiveTask> = {
  prepare(life, element, instance) {
    if (instance.record.triggeredBy) return { ok: true };
    const prepared = prepareSubscriptions(life, instance, [element]);
    return prepared.ok ? { ok: true, data: prepared } : { ok: false };
  },
  async activated(life, _element, instance, data) {
    if (instance.record.triggeredBy) {
      life.push({ op: 'complete', key: instance.key });
      return;
    }
    const prepared = data as ReturnType<typeof prepareSubscriptions>;
    if (!prepared.ok || prepared.subscriptions.length === 0) {
      // A link catch event (or one with nothing to wait for) passes on at once.
      life.push({ op: 'complete', key: instance.key });
      return;
    }
    await openSubscriptions(life, prepared.subscriptions);
  },
};
