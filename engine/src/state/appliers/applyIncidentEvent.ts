import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { IncidentRow } from '../rows';

export function applyIncidentEvent(state: EngineState, event: EngineEvent): void {
  const row = (event.value as { row: IncidentRow }).row;
  if (event.intent === 'CREATED') state.incidents.put(row);
  else if (event.intent === 'RESOLVED') state.incidents.delete(row.key);
  const instance = state.processInstances.get(row.processInstanceKey);
  if (instance) {
    const open =
      state.incidents.filter((i) => i.processInstanceKey === row.processInstanceKey).length > 0;
    if (instance.hasIncident !== open)
      state.processInstances.update(instance.key, { hasIncident: open });
  }
}
