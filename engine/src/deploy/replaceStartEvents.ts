import { ValueType } from '../log/EngineEvent';
import type { CompiledProcess } from '../model/CompiledProcess';
import { firstDueDate } from '../runtime/events/eventSubscriptions';
import type { Lifecycle } from '../runtime/lifecycle/Lifecycle';
import { loadRows } from '../state/loadInstanceState';
import type { ProcessRow, TimerRow } from '../state/rows';
import { evaluateStaticOrFeel } from '../feel/evaluateStaticOrFeel';
import { reject } from '../runtime/commands/EngineRejection';

/**
 * A new version takes over the process's start events: the previous version's message start
 * subscriptions and start timers are removed and the new version's are opened.
 */
export async function replaceStartEvents(
  life: Lifecycle,
  row: ProcessRow,
  process: CompiledProcess,
  previousKey: number | undefined,
): Promise<void> {
  const ctx = life.ctx;
  if (previousKey !== undefined) {
    await loadRows(ctx.tx, ctx.state, 'messageStartSubscriptions', 'process_key = $1', [
      previousKey,
    ]);
    await loadRows(
      ctx.tx,
      ctx.state,
      'timers',
      'process_definition_key = $1 and process_instance_key is null',
      [previousKey],
      true,
    );
    for (const sub of ctx.state.stores.messageStartSubscriptions.filter(
      (s) => s.processKey === previousKey,
    )) {
      ctx.emit(ValueType.MessageStartEventSubscription, 'DELETED', previousKey, { row: sub });
    }
    await loadRows(
      ctx.tx,
      ctx.state,
      'signalSubscriptions',
      'process_definition_key = $1 and process_instance_key is null',
      [previousKey],
      true,
    );
    for (const sub of ctx.state.stores.signalSubscriptions.filter(
      (s) => s.processDefinitionKey === previousKey && s.processInstanceKey === null,
    )) {
      ctx.emit(ValueType.SignalSubscription, 'DELETED', sub.key, { row: sub });
    }
    for (const timer of ctx.state.timers.filter(
      (t) => t.processDefinitionKey === previousKey && t.processInstanceKey === null,
    )) {
      ctx.emit(ValueType.Timer, 'CANCELED', timer.key, { row: timer });
    }
  }
  for (const id of process.startEvents.message) {
    const start = process.elements[id]!;
    if (start.kind !== 'startEvent' || start.eventDefinition.type !== 'message') continue;
    const name = evaluateStaticOrFeel(start.eventDefinition.messageName, {}, 'string');
    if (!name.ok) throw reject.invalidArgument(`'${id}': ${name.message}`);
    const sub = {
      processKey: row.key,
      bpmnProcessId: row.bpmnProcessId,
      messageName: name.value,
      elementId: id,
    };
    ctx.emit(ValueType.MessageStartEventSubscription, 'CREATED', row.key, { row: sub });
  }
  for (const id of process.startEvents.signal) {
    const start = process.elements[id]!;
    if (start.kind !== 'startEvent' || start.eventDefinition.type !== 'signal') continue;
    const name = evaluateStaticOrFeel(start.eventDefinition.signalName, {}, 'string');
    if (!name.ok) throw reject.invalidArgument(`'${id}': ${name.message}`);
    const sub = {
      key: ctx.nextKey(),
      signalName: name.value,
      processInstanceKey: null,
      elementInstanceKey: null,
      processDefinitionKey: row.key,
      record: { bpmnProcessId: row.bpmnProcessId, elementId: id },
    };
    ctx.emit(ValueType.SignalSubscription, 'CREATED', sub.key, { row: sub });
  }
  for (const id of process.startEvents.timer) {
    const start = process.elements[id]!;
    if (start.kind !== 'startEvent' || start.eventDefinition.type !== 'timer') continue;
    const expression = evaluateStaticOrFeel(start.eventDefinition.timer.expression, {}, 'string');
    if (!expression.ok) throw reject.invalidArgument(`'${id}': ${expression.message}`);
    const due = firstDueDate(start.eventDefinition.timer.kind, expression.value, ctx.nowMs());
    if ('error' in due) throw reject.invalidArgument(`'${id}': ${due.error}`);
    const timer: TimerRow = {
      key: ctx.nextKey(),
      processInstanceKey: null,
      processDefinitionKey: row.key,
      elementInstanceKey: null,
      dueAt: due.dueAt,
      record: {
        targetElementId: id,
        bpmnProcessId: row.bpmnProcessId,
        repetitions: due.repetitions,
        kind: start.eventDefinition.timer.kind,
        value: expression.value,
        firedCount: 0,
      },
    };
    ctx.emit(ValueType.Timer, 'CREATED', timer.key, { row: timer });
  }
}
