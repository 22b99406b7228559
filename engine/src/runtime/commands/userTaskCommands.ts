import type { RootQuery } from '../../state/loadInstanceState';
import { ValueType } from '../../log/EngineEvent';
import type { UserTaskRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { beginTaskTransition } from '../listeners/taskListeners';
import { reject } from './EngineRejection';

export function rootOfUserTask(userTaskKey: number): RootQuery {
  return {
    sql: 'select p.root_key from engine_user_task t join engine_process_instance p on p.key = t.process_instance_key where t.key = $1',
    params: [userTaskKey],
    notFound: () =>
      reject.notFound(
        `Expected to find user task with key '${userTaskKey}', but no such user task was found.`,
      ),
  };
}

function openTask(life: Lifecycle, key: number, action: string): UserTaskRow {
  const task = life.ctx.state.userTasks.get(key);
  if (!task)
    throw reject.notFound(
      `Expected to ${action} user task with key '${key}', but no such user task was found.`,
    );
  if (task.state !== 'CREATED') {
    throw reject.invalidState(
      `Expected to ${action} user task with key '${key}', but it is in state '${task.state}'.`,
    );
  }
  return task;
}

export function assignUserTask(
  life: Lifecycle,
  input: { key: number; assignee: string | null; allowOverride: boolean; action: string },
): void {
  const task = openTask(life, input.key, 'assign');
  if (!input.allowOverride && task.assignee && input.assignee && task.assignee !== input.assignee) {
    throw reject.invalidState(
      `Expected to assign user task with key '${input.key}' to '${input.assignee}', but it is already assigned to '${task.assignee}'.`,
    );
  }
  const change = { assignee: input.assignee };
  if (beginTaskTransition(life, task, 'assigning', change, input.action)) return;
  life.ctx.emit(
    ValueType.UserTask,
    'ASSIGNED',
    task.key,
    { change: { assignee: input.assignee }, action: input.action },
    task.processInstanceKey,
  );
}

export function updateUserTask(
  life: Lifecycle,
  input: {
    key: number;
    change: Partial<
      Pick<
        UserTaskRow,
        'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority'
      >
    >;
  },
): void {
  const task = openTask(life, input.key, 'update');
  if (beginTaskTransition(life, task, 'updating', input.change, 'update')) return;
  life.ctx.emit(
    ValueType.UserTask,
    'UPDATED',
    task.key,
    { change: input.change },
    task.processInstanceKey,
  );
}

export function completeUserTask(
  life: Lifecycle,
  input: { key: number; variables: Record<string, unknown>; action: string },
): void {
  const task = openTask(life, input.key, 'complete');
  if (beginTaskTransition(life, task, 'completing', {}, input.action, input.variables)) return;
  life.ctx.emit(
    ValueType.UserTask,
    'COMPLETED',
    task.key,
    { variables: input.variables, action: input.action },
    task.processInstanceKey,
  );
  life.push({ op: 'complete', key: task.elementInstanceKey, variables: input.variables });
}
