import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { UserTaskRow } from '../rows';

export function applyUserTaskEvent(state: EngineState, event: EngineEvent): void {
  const v = event.value as { row?: UserTaskRow; change?: Partial<UserTaskRow> };
  switch (event.intent) {
    case 'CREATED':
      state.userTasks.put(v.row!);
      return;
    case 'ASSIGNED':
    case 'UPDATED':
      state.userTasks.update(event.key, v.change ?? {});
      return;
    case 'COMPLETED':
      state.userTasks.update(event.key, { state: 'COMPLETED' });
      return;
    case 'CANCELED':
      state.userTasks.update(event.key, { state: 'CANCELED' });
      return;
  }
}
