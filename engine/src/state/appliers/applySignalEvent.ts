import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { PendingSignalRow, SignalSubscriptionRow } from '../rows';

export function applySignalEvent(state: EngineState, event: EngineEvent): void {
  const s = state.stores;
  switch (`${event.valueType}:${event.intent}`) {
    case 'SIGNAL_SUBSCRIPTION:CREATED':
      s.signalSubscriptions.put((event.value as { row: SignalSubscriptionRow }).row);
      return;
    case 'SIGNAL_SUBSCRIPTION:DELETED':
      s.signalSubscriptions.remove((event.value as { row: SignalSubscriptionRow }).row);
      return;
    case 'SIGNAL:THROWN':
      s.pendingSignals.put((event.value as { row: PendingSignalRow }).row);
      return;
    case 'SIGNAL:BROADCASTED': {
      const pending = (event.value as { pending?: PendingSignalRow }).pending;
      if (pending) s.pendingSignals.remove(pending);
      return;
    }
  }
}
