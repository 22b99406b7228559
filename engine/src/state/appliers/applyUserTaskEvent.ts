import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { PendingTaskTransition, TaskAttributes, UserTaskRow } from '../rows';

export function applyUserTaskEvent(state: EngineState, event: EngineEvent): void {
  const v = event.value as {
    row?: UserTaskRow;
    change?: Partial<UserTaskRow>;
    pending?: PendingTaskTransition;
    corrections?: Partial<TaskAttributes> | null;
  };
  switch (event.intent) {
    case 'CREATING':
      state.userTasks.put(v.row!);
      return;
    case 'CREATED':
      if (v.row) state.userTasks.put(v.row);
      else settle(state, event.key, v.change);
      return;
    case 'ASSIGNING':
    case 'UPDATING':
    case 'COMPLETING':
    case 'CANCELING': {
      const task = state.userTasks.get(event.key)!;
      state.userTasks.update(event.key, {
        state: event.intent,
        record: { ...task.record, pending: v.pending! },
      });
      return;
    }
    case 'CORRECTED': {
      // Corrections wait in the transition until it ends; null starts the listeners over.
      const task = state.userTasks.get(event.key)!;
      const pending = task.record.pending!;
      const corrections = v.corrections ? { ...pending.corrections, ...v.corrections } : {};
      state.userTasks.update(event.key, {
        record: { ...task.record, pending: { ...pending, corrections } },
      });
      return;
    }
    case 'ASSIGNED':
    case 'UPDATED':
    case 'ASSIGNMENT_DENIED':
    case 'UPDATE_DENIED':
    case 'COMPLETION_DENIED':
      settle(state, event.key, v.change);
      return;
    case 'COMPLETED':
    case 'CANCELED': {
      const record = { ...state.userTasks.get(event.key)!.record };
      delete record.pending;
      state.userTasks.update(event.key, { ...(v.change ?? {}), state: event.intent, record });
      return;
    }
  }
}

/** The task is CREATED again (a transition ended or was denied), with `change` applied. */
function settle(state: EngineState, key: number, change: Partial<UserTaskRow> | undefined): void {
  const task = state.userTasks.get(key)!;
  const record = { ...task.record };
  delete record.pending;
  state.userTasks.update(key, { ...(change ?? {}), state: 'CREATED', record });
}
