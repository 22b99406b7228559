import { ValueType } from '../../log/EngineEvent';
import type { CompiledElement, CompiledProcess } from '../../model/CompiledProcess';
import type { CompensationSubscriptionRow } from '../../state/compensationRows';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';

/**
 * Compensation as Zeebe documents it. An activity with a compensation boundary event that
 * completes leaves a subscription in its scope; a completed sub-process that holds such
 * subscriptions leaves one too, so compensation reaches inside it. A compensation throw event
 * starts the handlers of its scope's subscriptions (or of one activity's) beside itself, the
 * latest completed first, and waits until they have all completed. Subscriptions die with a
 * terminated scope and with the process instance (a called process is not compensated).
 */
export function compensationAfterEnd(
  life: Lifecycle,
  instance: ElementInstanceRow,
  ended: 'completed' | 'terminated',
): void {
  const subscriptions = life.ctx.state.stores.compensationSubscriptions;
  if (instance.elementType === 'PROCESS') {
    for (const sub of subscriptions.filter((s) => s.processInstanceKey === instance.key))
      emit(life, 'DELETED', sub);
    return;
  }
  const handled = instance.record.compensation;
  if (ended === 'terminated' || handled) discardInside(life, instance.key);
  if (ended === 'completed' && handled) handlerCompleted(life, handled);
  // An interrupted handler is not started again.
  const interrupted =
    handled && life.ctx.state.stores.compensationSubscriptions.get(handled.subscriptionKey);
  if (ended === 'terminated' && interrupted) emit(life, 'DELETED', interrupted);
  if (ended === 'completed' && !handled) subscribe(life, instance);
}

/**
 * Triggers the compensation of `thrower`'s scope (with `activityRef`, of that activity only).
 * Returns whether a handler started, so the thrower waits; otherwise it completes at once.
 */
export function throwCompensation(
  life: Lifecycle,
  thrower: ElementInstanceRow,
  activityRef: string | undefined,
): boolean {
  const scopeKeys = compensatedScopes(life, thrower);
  const due = pending(life, (s) => scopeKeys.includes(s.record.compensableActivityScopeKey)).filter(
    (s) => activityRef === undefined || s.record.compensableActivityId === activityRef,
  );
  let started = 0;
  for (const sub of due) started += trigger(life, sub, thrower);
  return started > 0;
}

/** A throw event compensates its scope; in an event sub-process, also the scope around it. */
function compensatedScopes(life: Lifecycle, thrower: ElementInstanceRow): number[] {
  const scope = life.instance(thrower.flowScopeKey!)!;
  return scope.elementType === 'EVENT_SUB_PROCESS' && scope.flowScopeKey !== null
    ? [scope.key, scope.flowScopeKey]
    : [scope.key];
}

function trigger(
  life: Lifecycle,
  sub: CompensationSubscriptionRow,
  thrower: ElementInstanceRow,
): number {
  const handlerId = sub.record.compensationHandlerId;
  if (handlerId === undefined) {
    // A completed sub-process: compensate what completed inside it.
    const inner = pending(
      life,
      (s) => s.record.compensableActivityScopeKey === sub.record.compensableActivityInstanceKey,
    );
    emit(life, 'DELETED', sub);
    return inner.reduce((n, s) => n + trigger(life, s, thrower), 0);
  }
  // The activity's own handler undoes it whole; what completed inside it is not compensated apart.
  discardInside(life, sub.record.compensableActivityInstanceKey);
  life.ctx.emit(
    ValueType.CompensationSubscription,
    'TRIGGERED',
    sub.key,
    { throwEventInstanceKey: thrower.key },
    sub.processInstanceKey,
  );
  life.push({
    op: 'activate',
    definitionKey: thrower.record.processDefinitionKey,
    processInstanceKey: thrower.processInstanceKey,
    elementId: handlerId,
    flowScopeKey: thrower.flowScopeKey!,
    consumedFlowIds: [],
    record: { compensation: { subscriptionKey: sub.key, throwEventKey: thrower.key } },
  });
  return 1;
}

function handlerCompleted(
  life: Lifecycle,
  handled: { subscriptionKey: number; throwEventKey: number },
): void {
  const subscriptions = life.ctx.state.stores.compensationSubscriptions;
  const sub = subscriptions.get(handled.subscriptionKey);
  if (sub) emit(life, 'COMPLETED', sub);
  const waiting = subscriptions.find(
    (s) => s.state === 'TRIGGERED' && s.record.throwEventInstanceKey === handled.throwEventKey,
  );
  if (!waiting) life.push({ op: 'complete', key: handled.throwEventKey });
}

/** A completed activity becomes compensable when it has a handler or compensable insides. */
function subscribe(life: Lifecycle, instance: ElementInstanceRow): void {
  if (instance.flowScopeKey === null) return;
  const process = life.processOf(instance);
  // Boundary events, and so the handler, belong to the multi-instance body.
  const handlerId = instance.record.multiInstanceInner
    ? undefined
    : handlerOf(process, process.elements[instance.elementId]);
  const subscriptions = life.ctx.state.stores.compensationSubscriptions;
  const inside = subscriptions.find((s) => s.record.compensableActivityScopeKey === instance.key);
  if (handlerId === undefined && !inside) return;
  const sequence = Math.max(0, ...[...subscriptions.values()].map((s) => s.record.sequence)) + 1;
  const row: CompensationSubscriptionRow = {
    key: life.ctx.nextKey(),
    processInstanceKey: instance.processInstanceKey,
    state: 'CREATED',
    record: {
      bpmnProcessId: instance.record.bpmnProcessId,
      processDefinitionKey: instance.record.processDefinitionKey,
      compensableActivityId: instance.elementId,
      compensableActivityInstanceKey: instance.key,
      compensableActivityScopeKey: instance.flowScopeKey,
      ...(handlerId === undefined ? {} : { compensationHandlerId: handlerId }),
      sequence,
    },
  };
  life.ctx.emit(
    ValueType.CompensationSubscription,
    'CREATED',
    row.key,
    { row },
    row.processInstanceKey,
  );
}

function handlerOf(
  process: CompiledProcess,
  element: CompiledElement | undefined,
): string | undefined {
  for (const id of element?.boundaryEventIds ?? []) {
    const boundary = process.elements[id];
    if (boundary?.kind === 'boundaryEvent' && boundary.eventDefinition.type === 'compensation')
      return boundary.compensationHandlerId;
  }
  return undefined;
}

/** Subscriptions not triggered yet that match, the latest completed first. */
function pending(
  life: Lifecycle,
  match: (s: CompensationSubscriptionRow) => boolean,
): CompensationSubscriptionRow[] {
  return life.ctx.state.stores.compensationSubscriptions
    .filter((s) => s.state === 'CREATED' && match(s))
    .sort((a, b) => b.record.sequence - a.record.sequence);
}

/** Drops the subscriptions left inside an element instance (and inside those, and so on). */
function discardInside(life: Lifecycle, scopeKey: number): void {
  const subscriptions = life.ctx.state.stores.compensationSubscriptions;
  for (const sub of subscriptions.filter(
    (s) => s.record.compensableActivityScopeKey === scopeKey,
  )) {
    discardInside(life, sub.record.compensableActivityInstanceKey);
    if (sub.state === 'CREATED') emit(life, 'DELETED', sub);
  }
}

function emit(
  life: Lifecycle,
  intent: 'DELETED' | 'COMPLETED',
  sub: CompensationSubscriptionRow,
): void {
  life.ctx.emit(ValueType.CompensationSubscription, intent, sub.key, {}, sub.processInstanceKey);
}
