import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { MessageRow, MessageStartSubscriptionRow, MessageSubscriptionRow } from '../rows';

interface Correlated {
  messageKey: number;
  bpmnProcessId: string;
  /** The message is buffered: remember it reached this process so it never does again. */
  buffered: boolean;
}

export function applyMessageEvent(state: EngineState, event: EngineEvent): void {
  const s = state.stores;
  const remember = (c: Correlated) => {
    if (c.buffered)
      s.messageCorrelations.put({ messageKey: c.messageKey, bpmnProcessId: c.bpmnProcessId });
  };
  switch (`${event.valueType}:${event.intent}`) {
    case 'MESSAGE:PUBLISHED': {
      const v = event.value as { row: MessageRow; buffered: boolean };
      if (v.buffered) s.messages.put(v.row);
      return;
    }
    case 'MESSAGE:EXPIRED': {
      const v = event.value as { row: MessageRow; correlatedProcessIds: string[] };
      s.messages.remove(v.row);
      for (const bpmnProcessId of v.correlatedProcessIds) {
        s.messageCorrelations.remove({ messageKey: v.row.key, bpmnProcessId });
      }
      return;
    }
    case 'MESSAGE_SUBSCRIPTION:CREATED':
      s.messageSubscriptions.put((event.value as { row: MessageSubscriptionRow }).row);
      return;
    case 'MESSAGE_SUBSCRIPTION:DELETED':
      s.messageSubscriptions.remove((event.value as { row: MessageSubscriptionRow }).row);
      return;
    case 'MESSAGE_SUBSCRIPTION:CORRELATED': {
      const v = event.value as unknown as Correlated & {
        row: MessageSubscriptionRow;
        closes: boolean;
      };
      if (v.closes) s.messageSubscriptions.remove(v.row);
      remember(v);
      return;
    }
    case 'MESSAGE_START_EVENT_SUBSCRIPTION:CREATED':
      s.messageStartSubscriptions.put((event.value as { row: MessageStartSubscriptionRow }).row);
      return;
    case 'MESSAGE_START_EVENT_SUBSCRIPTION:DELETED':
      s.messageStartSubscriptions.remove((event.value as { row: MessageStartSubscriptionRow }).row);
      return;
    case 'MESSAGE_START_EVENT_SUBSCRIPTION:CORRELATED': {
      const v = event.value as unknown as Correlated & {
        correlationKey: string;
        processInstanceKey: number;
      };
      remember(v);
      if (v.correlationKey !== '') {
        s.messageStartLocks.put({
          bpmnProcessId: v.bpmnProcessId,
          correlationKey: v.correlationKey,
          processInstanceKey: v.processInstanceKey,
        });
      }
      return;
    }
  }
}
