import { ElementIntent } from '../../log/EngineEvent';
import type {
  AdHocSubProcess,
  CompiledElement,
  StartEvent,
  SubProcess,
} from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import {
  closeEventSubscriptions,
  openSubscriptions,
  prepareSubscriptions,
} from './eventSubscriptions';

/** The start events of the event sub-processes directly inside a scope instance. */
export function eventSubProcessStarts(life: Lifecycle, scope: ElementInstanceRow): StartEvent[] {
  const process = life.processOf(scope);
  const ids =
    scope.elementType === 'PROCESS'
      ? process.startEvents.eventSubProcess
      : ((process.elements[scope.elementId] as SubProcess | AdHocSubProcess | undefined)?.starts
          ?.eventSubProcessStartIds ?? []);
  return ids
    .map((id) => process.elements[id])
    .filter((e): e is StartEvent => e?.kind === 'startEvent');
}

/** A scope just activated: its event sub-processes start listening (timers, messages). */
export async function openEventSubProcessStarts(life: Lifecycle, scopeKey: number): Promise<void> {
  const scope = life.instance(scopeKey);
  if (!scope || scope.state !== ElementIntent.Activated) return;
  const prepared = prepareSubscriptions(life, scope, eventSubProcessStarts(life, scope));
  if (prepared.ok) await openSubscriptions(life, prepared.subscriptions);
}

/** The event sub-process a start event belongs to, if `start` is one. */
export function eventSubProcessOf(
  life: Lifecycle,
  scope: ElementInstanceRow,
  start: CompiledElement | undefined,
): SubProcess | undefined {
  if (start?.kind !== 'startEvent') return undefined;
  const container = life.processOf(scope).elements[start.scopeId];
  return container?.kind === 'subProcess' && container.triggeredByEvent ? container : undefined;
}

/**
 * An event sub-process of `scope` was triggered. Non-interrupting: it runs beside the rest.
 * Interrupting: the scope's other event sub-processes stop listening, every other element of
 * the scope is terminated, then the event sub-process starts (lifecycle `terminated`).
 */
export function triggerEventSubProcess(
  life: Lifecycle,
  scope: ElementInstanceRow,
  start: StartEvent,
  subProcess: SubProcess,
  variables: Record<string, unknown>,
  localVariables?: Record<string, unknown>,
): void {
  const local = localVariables ? { localVariables } : {};
  if (!start.interrupting) {
    life.push({
      op: 'activate',
      definitionKey: scope.record.processDefinitionKey,
      processInstanceKey: scope.processInstanceKey,
      elementId: subProcess.id,
      flowScopeKey: scope.key,
      consumedFlowIds: [],
      record: { triggeredBy: { elementId: start.id, variables, ...local } },
    });
    return;
  }
  if (scope.record.pendingEventSubProcess || scope.record.terminated) return;
  // The scope's other event sub-processes stop listening.
  closeEventSubscriptions(
    life,
    scope,
    new Set(eventSubProcessStarts(life, scope).map((s) => s.id)),
  );
  life.emitElement(ElementIntent.ScopeInterrupted, scope, {
    record: {
      pendingEventSubProcess: {
        elementId: subProcess.id,
        startEventId: start.id,
        variables,
        ...local,
      },
    },
  });
  const children = life.children(scope.key);
  if (children.length === 0) {
    life.push({
      op: 'activate',
      definitionKey: scope.record.processDefinitionKey,
      processInstanceKey: scope.processInstanceKey,
      elementId: subProcess.id,
      flowScopeKey: scope.key,
      consumedFlowIds: [],
      record: { triggeredBy: { elementId: start.id, variables, ...local } },
    });
  } else {
    for (const child of children) life.push({ op: 'terminate', key: child.key });
  }
}
