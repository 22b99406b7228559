import type { Queryable } from '@balcao/platform';
import { ValueType } from '../../log/EngineEvent';
import { loadRows } from '../../state/loadInstanceState';
import type { PendingSignalRow } from '../../state/rows';
import { triggerEvent } from '../events/triggerEvent';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { startProcessInstance } from './startProcessInstance';

/** The instance trees with an open subscription for this signal (locked by the command). */
export async function rootsWithSignal(tx: Queryable, signalName: string): Promise<number[]> {
  const result = await tx.query<{ root_key: number }>(
    `select distinct p.root_key from engine_signal_subscription s
       join engine_process_instance p on p.key = s.process_instance_key
      where s.signal_name = $1`,
    [signalName],
  );
  return result.rows.map((r) => r.root_key);
}

/**
 * Broadcasts a signal: every waiting catch event, boundary event and event sub-process start
 * with that name is triggered, and processes with a signal start event of that name start.
 * Signals are not buffered. `pendingKey`: a signal a throw event left for the scheduler.
 */
export async function broadcastSignal(
  life: Lifecycle,
  input: { signalName: string; variables: Record<string, unknown>; pendingKey?: number },
): Promise<{ key: number }> {
  const ctx = life.ctx;
  let pending: PendingSignalRow | undefined;
  if (input.pendingKey !== undefined) {
    await loadRows(ctx.tx, ctx.state, 'pendingSignals', 'key = $1', [input.pendingKey], true);
    pending = ctx.state.stores.pendingSignals.get(input.pendingKey);
    if (!pending) return { key: input.pendingKey };
  }
  const key = pending?.key ?? ctx.nextKey();
  ctx.emit(ValueType.Signal, 'BROADCASTED', key, {
    signalName: input.signalName,
    variables: input.variables,
    ...(pending ? { pending } : {}),
  });
  const waiting = ctx.state.stores.signalSubscriptions
    .filter((s) => s.signalName === input.signalName && s.elementInstanceKey !== null)
    .sort((a, b) => a.key - b.key);
  for (const subscription of waiting) {
    const owner = life.instance(subscription.elementInstanceKey!);
    if (owner) triggerEvent(life, owner, subscription.record.elementId, input.variables);
  }
  const starts = await ctx.tx.query<{ process_definition_key: number; element_id: string }>(
    `select process_definition_key, record->>'elementId' as element_id from engine_signal_subscription
      where signal_name = $1 and process_instance_key is null order by key`,
    [input.signalName],
  );
  for (const start of starts.rows) {
    const definition = (await ctx.definitions.get(ctx.tx, start.process_definition_key))!;
    startProcessInstance(life, definition, {
      startElementId: start.element_id,
      variables: input.variables,
    });
  }
  return { key };
}

/** A signal throw or end event: the signal is broadcast in a command of its own, after commit. */
export function throwSignal(
  life: Lifecycle,
  signalName: string,
  variables: Record<string, unknown>,
): void {
  const row: PendingSignalRow = { key: life.ctx.nextKey(), signalName, record: { variables } };
  life.ctx.emit(ValueType.Signal, 'THROWN', row.key, { row });
}
