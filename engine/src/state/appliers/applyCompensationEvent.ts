import type { EngineEvent } from '../../log/EngineEvent';
import type { CompensationSubscriptionRow } from '../compensationRows';
import type { EngineState } from '../EngineState';

/** COMPENSATION_SUBSCRIPTION: CREATED, TRIGGERED, then COMPLETED (handler done) or DELETED. */
export function applyCompensationEvent(state: EngineState, event: EngineEvent): void {
  const subscriptions = state.stores.compensationSubscriptions;
  switch (event.intent) {
    case 'CREATED':
      subscriptions.put((event.value as { row: CompensationSubscriptionRow }).row);
      return;
    case 'TRIGGERED': {
      const row = subscriptions.get(event.key)!;
      const { throwEventInstanceKey } = event.value as { throwEventInstanceKey: number };
      subscriptions.update(event.key, {
        state: 'TRIGGERED',
        record: { ...row.record, throwEventInstanceKey },
      });
      return;
    }
    case 'COMPLETED':
    case 'DELETED':
      subscriptions.delete(event.key);
      return;
  }
}
