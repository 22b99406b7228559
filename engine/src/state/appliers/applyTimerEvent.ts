import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { TimerRow } from '../rows';

export function applyTimerEvent(state: EngineState, event: EngineEvent): void {
  if (event.intent === 'CREATED') state.timers.put((event.value as { row: TimerRow }).row);
  else if (event.intent === 'TRIGGERED' || event.intent === 'CANCELED') {
    state.timers.remove((event.value as { row: TimerRow }).row);
  }
}
