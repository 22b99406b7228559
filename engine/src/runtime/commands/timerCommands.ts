import type { RootQuery } from '../../state/loadInstanceState';
import { ValueType } from '../../log/EngineEvent';
import { loadRows } from '../../state/loadInstanceState';
import type { TimerRow } from '../../state/rows';
import { nextDueDate } from '../../timers/nextDueDate';
import { parseTimerValue } from '../../timers/parseTimerValue';
import { triggerEvent } from '../events/triggerEvent';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { startProcessInstance } from './startProcessInstance';

/** A timer of a start event belongs to no tree: its command then runs on none. */
export function rootOfTimer(timerKey: number): RootQuery {
  return {
    sql: 'select p.root_key from engine_timer t join engine_process_instance p on p.key = t.process_instance_key where t.key = $1',
    params: [timerKey],
  };
}

/** A due timer fires: its catch event completes, its boundary event triggers, or its process starts. */
export function triggerTimer(life: Lifecycle, timerKey: number): void {
  const ctx = life.ctx;
  const timer = ctx.state.timers.get(timerKey);
  if (!timer || Date.parse(timer.dueAt) > ctx.nowMs()) return;
  ctx.emit(
    ValueType.Timer,
    'TRIGGERED',
    timer.key,
    { row: timer },
    timer.processInstanceKey ?? undefined,
  );
  if (timer.elementInstanceKey !== null) {
    const owner = life.instance(timer.elementInstanceKey);
    if (!owner) return;
    const target = life.processOf(owner).elements[timer.record.targetElementId];
    triggerEvent(life, owner, timer.record.targetElementId, {});
    // Non-interrupting boundary events and event sub-processes repeat their cycles.
    const repeats =
      (target?.kind === 'boundaryEvent' || target?.kind === 'startEvent') && !target.interrupting;
    if (repeats) scheduleNext(life, timer);
    return;
  }
  const definition = ctx.definitions.cached(timer.processDefinitionKey!);
  startProcessInstance(life, definition, {
    startElementId: timer.record.targetElementId,
    variables: {},
  });
  scheduleNext(life, timer);
}

/** A cycle with repetitions left schedules its next occurrence. */
export function scheduleNext(life: Lifecycle, timer: TimerRow): void {
  const { repetitions, kind, value, firedCount } = timer.record;
  if (kind !== 'cycle' || repetitions === 0 || repetitions === 1) return;
  const parsed = parseTimerValue(kind, value);
  if (!parsed.ok) return;
  const due = nextDueDate(parsed.spec, new Date(timer.dueAt), firedCount + 1);
  if (!due) return;
  const row: TimerRow = {
    ...timer,
    key: life.ctx.nextKey(),
    dueAt: due.toISOString(),
    record: {
      ...timer.record,
      repetitions: repetitions < 0 ? -1 : repetitions - 1,
      firedCount: firedCount + 1,
    },
  };
  life.ctx.emit(ValueType.Timer, 'CREATED', row.key, { row }, row.processInstanceKey ?? undefined);
}

/** A due timer: an instance's is loaded with its tree; a start timer's row is locked here. */
export async function triggerDueTimer(life: Lifecycle, key: number): Promise<void> {
  const ctx = life.ctx;
  if (!ctx.state.timers.has(key)) {
    await loadRows(ctx.tx, ctx.state, 'timers', 'key = $1', [key], true);
    const timer = ctx.state.timers.get(key);
    if (timer?.processDefinitionKey) await ctx.definitions.get(ctx.tx, timer.processDefinitionKey);
  }
  triggerTimer(life, key);
}
