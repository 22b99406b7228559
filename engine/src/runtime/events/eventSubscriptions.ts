import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import { ValueType } from '../../log/EngineEvent';
import type { CompiledElement, EventDefinition } from '../../model/CompiledProcess';
import type {
  ElementInstanceRow,
  MessageSubscriptionRow,
  SignalSubscriptionRow,
  TimerRow,
} from '../../state/rows';
import { nextDueDate } from '../../timers/nextDueDate';
import { parseTimerValue } from '../../timers/parseTimerValue';
import { raiseIncident } from '../incidents/raiseIncident';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { correlateBufferedMessage } from '../messages/correlateBufferedMessage';
import { visibleVariables } from '../variables/variables';

export type Subscription =
  | { kind: 'timer'; row: TimerRow }
  | { kind: 'message'; row: MessageSubscriptionRow }
  | { kind: 'signal'; row: SignalSubscriptionRow };

type Prepared = { ok: true; subscriptions: Subscription[] } | { ok: false };

/** Evaluates the timers and messages of an activity's boundary events (before it is ACTIVATED). */
export function prepareBoundarySubscriptions(
  life: Lifecycle,
  element: CompiledElement,
  instance: ElementInstanceRow,
): Prepared {
  const process = life.processOf(instance);
  const events = element.boundaryEventIds.map((id) => process.elements[id]!);
  return prepareSubscriptions(life, instance, events);
}

/**
 * Evaluates what `events` wait for (timer due dates, message names and correlation keys) in
 * the scope of `instance`, which owns the subscriptions. Raises an incident when one fails.
 */
export function prepareSubscriptions(
  life: Lifecycle,
  instance: ElementInstanceRow,
  events: CompiledElement[],
): Prepared {
  const subscriptions: Subscription[] = [];
  let variables: Record<string, unknown> | undefined;
  for (const event of events) {
    const definition = eventDefinitionOf(event);
    if (
      !definition ||
      (definition.type !== 'timer' && definition.type !== 'message' && definition.type !== 'signal')
    )
      continue;
    variables ??= visibleVariables(life.ctx, instance.key);
    const prepared =
      definition.type === 'timer'
        ? timerSubscription(life, instance, event, definition, variables)
        : definition.type === 'message'
          ? messageSubscription(life, instance, event, definition, variables)
          : signalSubscription(life, instance, event, definition, variables);
    if ('error' in prepared) {
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', prepared.error, 'activate');
      return { ok: false };
    }
    subscriptions.push(prepared);
  }
  return { ok: true, subscriptions };
}

/** Opens prepared subscriptions; a message subscription correlates a buffered message at once. */
export async function openSubscriptions(
  life: Lifecycle,
  subscriptions: Subscription[],
): Promise<void> {
  const ctx = life.ctx;
  for (const { kind, row } of subscriptions) {
    const valueType =
      kind === 'timer'
        ? ValueType.Timer
        : kind === 'message'
          ? ValueType.MessageSubscription
          : ValueType.SignalSubscription;
    ctx.emit(valueType, 'CREATED', row.key, { row }, row.processInstanceKey ?? undefined);
  }
  for (const subscription of subscriptions) {
    if (subscription.kind === 'message') await correlateBufferedMessage(life, subscription.row);
  }
}

/**
 * Closes the timers, message and signal subscriptions an element instance owns (only those
 * waiting for the events in `only`, when given).
 */
export function closeEventSubscriptions(
  life: Lifecycle,
  instance: ElementInstanceRow,
  only?: Set<string>,
): void {
  const ctx = life.ctx;
  const mine = (owner: number | null, elementId: string) =>
    owner === instance.key && (!only || only.has(elementId));
  for (const timer of ctx.state.timers.filter((t) =>
    mine(t.elementInstanceKey, t.record.targetElementId),
  )) {
    ctx.emit(ValueType.Timer, 'CANCELED', timer.key, { row: timer }, instance.processInstanceKey);
  }
  for (const sub of ctx.state.messageSubscriptions.filter((m) =>
    mine(m.elementInstanceKey, m.record.elementId),
  )) {
    ctx.emit(
      ValueType.MessageSubscription,
      'DELETED',
      sub.key,
      { row: sub },
      instance.processInstanceKey,
    );
  }
  for (const sub of ctx.state.stores.signalSubscriptions.filter((g) =>
    mine(g.elementInstanceKey, g.record.elementId),
  )) {
    ctx.emit(
      ValueType.SignalSubscription,
      'DELETED',
      sub.key,
      { row: sub },
      instance.processInstanceKey,
    );
  }
}

function signalSubscription(
  life: Lifecycle,
  instance: ElementInstanceRow,
  event: CompiledElement,
  definition: Extract<EventDefinition, { type: 'signal' }>,
  variables: Record<string, unknown>,
): Subscription | { error: string } {
  const name = evaluateStaticOrFeel(definition.signalName, variables, 'string');
  if (!name.ok) return { error: name.message };
  return {
    kind: 'signal',
    row: {
      key: life.ctx.nextKey(),
      signalName: name.value,
      processInstanceKey: instance.processInstanceKey,
      elementInstanceKey: instance.key,
      processDefinitionKey: instance.record.processDefinitionKey,
      record: { bpmnProcessId: instance.record.bpmnProcessId, elementId: event.id },
    },
  };
}

export function eventDefinitionOf(element: CompiledElement): EventDefinition | undefined {
  return 'eventDefinition' in element ? element.eventDefinition : undefined;
}

function timerSubscription(
  life: Lifecycle,
  instance: ElementInstanceRow,
  event: CompiledElement,
  definition: Extract<EventDefinition, { type: 'timer' }>,
  variables: Record<string, unknown>,
): Subscription | { error: string } {
  const value = evaluateStaticOrFeel(definition.timer.expression, variables, 'string');
  if (!value.ok) return { error: value.message };
  const due = firstDueDate(definition.timer.kind, value.value, life.ctx.nowMs());
  if ('error' in due) return { error: `${event.id}: ${due.error}` };
  return {
    kind: 'timer',
    row: {
      key: life.ctx.nextKey(),
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: instance.record.processDefinitionKey,
      elementInstanceKey: instance.key,
      dueAt: due.dueAt,
      record: {
        targetElementId: event.id,
        bpmnProcessId: instance.record.bpmnProcessId,
        repetitions: due.repetitions,
        kind: definition.timer.kind,
        value: value.value,
        firedCount: 0,
      },
    },
  };
}

/** The first due date of a timer value, and how many more times a cycle repeats (-1: forever). */
export function firstDueDate(
  kind: 'date' | 'duration' | 'cycle',
  value: string,
  nowMs: number,
): { dueAt: string; repetitions: number } | { error: string } {
  const parsed = parseTimerValue(kind, value);
  if (!parsed.ok) return { error: parsed.message };
  const due = nextDueDate(parsed.spec, new Date(nowMs), 0);
  if (!due) return { error: `The timer '${value}' is never due.` };
  const repetitions =
    parsed.spec.kind === 'cycle'
      ? (parsed.spec.repetitions ?? -1)
      : parsed.spec.kind === 'cron'
        ? -1
        : 0;
  return { dueAt: due.toISOString(), repetitions };
}

function messageSubscription(
  life: Lifecycle,
  instance: ElementInstanceRow,
  event: CompiledElement,
  definition: Extract<EventDefinition, { type: 'message' }>,
  variables: Record<string, unknown>,
): Subscription | { error: string } {
  const name = evaluateStaticOrFeel(definition.messageName, variables, 'string');
  if (!name.ok) return { error: name.message };
  if (!definition.correlationKey)
    return { error: `${event.id}: the message has no correlation key.` };
  const key = evaluateStaticOrFeel(definition.correlationKey, variables, 'any');
  if (!key.ok) return { error: key.message };
  if (typeof key.value !== 'string' && typeof key.value !== 'number') {
    return {
      error: `Failed to extract the correlation key for '${definition.correlationKey.kind === 'feel' ? definition.correlationKey.source : definition.correlationKey.value}': The value must be either a string or a number, but was ${key.value === null ? 'NULL' : typeof key.value}.`,
    };
  }
  const interrupting =
    event.kind === 'boundaryEvent' || event.kind === 'startEvent' ? event.interrupting : true;
  return {
    kind: 'message',
    row: {
      key: life.ctx.nextKey(),
      processInstanceKey: instance.processInstanceKey,
      elementInstanceKey: instance.key,
      messageName: name.value,
      correlationKey: String(key.value),
      record: { bpmnProcessId: instance.record.bpmnProcessId, elementId: event.id, interrupting },
    },
  };
}
