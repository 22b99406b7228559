import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';

export function applyVariableEvent(state: EngineState, event: EngineEvent): void {
  const v = event.value as {
    name: string;
    value: unknown;
    scopeKey: number;
    processInstanceKey: number;
  };
  if (event.intent === 'CREATED') {
    state.variables.put({
      key: event.key,
      scopeKey: v.scopeKey,
      processInstanceKey: v.processInstanceKey,
      name: v.name,
      value: v.value,
    });
  } else if (event.intent === 'UPDATED') {
    state.variables.update(event.key, { value: v.value });
  }
}
