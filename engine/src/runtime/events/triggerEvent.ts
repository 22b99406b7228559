import { ElementIntent } from '../../log/EngineEvent';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { eventSubProcessOf, triggerEventSubProcess } from './eventSubProcesses';

/**
 * An event that `owner` waits for has happened (timer due, message correlated). What follows
 * depends on who waits: the catch event itself completes; an event-based gateway completes
 * towards that event; an activity's boundary event interrupts it or runs beside it.
 */
export function triggerEvent(
  life: Lifecycle,
  owner: ElementInstanceRow,
  eventElementId: string,
  variables: Record<string, unknown>,
): void {
  if (owner.state !== ElementIntent.Activated) return;
  // A process instance owns the subscriptions of its event sub-processes' start events.
  const element = owner.elementType === 'PROCESS' ? undefined : life.element(owner);
  if (element?.id === eventElementId) {
    life.push({ op: 'complete', key: owner.key, variables });
    return;
  }
  if (element?.kind === 'eventBasedGateway') {
    life.push({
      op: 'complete',
      key: owner.key,
      record: { triggeredBy: { elementId: eventElementId, variables } },
    });
    return;
  }
  const target = life.processOf(owner).elements[eventElementId];
  const subProcess = eventSubProcessOf(life, owner, target);
  if (subProcess && target?.kind === 'startEvent') {
    triggerEventSubProcess(life, owner, target, subProcess, variables);
    return;
  }
  const boundary = target;
  if (boundary?.kind !== 'boundaryEvent') return;
  if (boundary.interrupting) {
    life.push({
      op: 'terminate',
      key: owner.key,
      record: { interruptedBy: { elementId: boundary.id, variables } },
    });
  } else {
    life.push({
      op: 'activate',
      definitionKey: owner.record.processDefinitionKey,
      processInstanceKey: owner.processInstanceKey,
      elementId: boundary.id,
      flowScopeKey: owner.flowScopeKey!,
      consumedFlowIds: [],
      variables,
    });
  }
}
