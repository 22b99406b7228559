import type { BoundaryEvent, StartEvent } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { bestCatch, isScope, outerScope } from './scopeWalk';
import {
  eventSubProcessOf,
  eventSubProcessStarts,
  triggerEventSubProcess,
} from './eventSubProcesses';

/**
 * Throws an escalation from an intermediate throw or end event. From the thrower's scope
 * outwards, the first escalation event sub-process or escalation boundary event (exact code
 * before catch-all) catches it. Returns whether the thrower is interrupted by the catch; an
 * escalation that nothing catches is not an error (Zeebe just goes on).
 */
export function throwEscalation(
  life: Lifecycle,
  thrower: ElementInstanceRow,
  code: string,
): boolean {
  for (let scope = outerScope(life, thrower); scope; scope = outerScope(life, scope)) {
    if (isScope(scope)) {
      const starts = eventSubProcessStarts(life, scope).filter(
        (s) => s.eventDefinition.type === 'escalation',
      );
      const start = bestCatch(starts, code, (s: StartEvent) =>
        s.eventDefinition.type === 'escalation' ? s.eventDefinition.escalationCode : undefined,
      );
      if (start && !scope.record.pendingEventSubProcess) {
        triggerEventSubProcess(life, scope, start, eventSubProcessOf(life, scope, start)!, {});
        return start.interrupting;
      }
    }
    if (scope.elementType === 'PROCESS' || scope.record.multiInstanceInner) continue;
    const process = life.processOf(scope);
    const boundaries = (process.elements[scope.elementId]?.boundaryEventIds ?? [])
      .map((id) => process.elements[id])
      .filter(
        (b): b is BoundaryEvent =>
          b?.kind === 'boundaryEvent' && b.eventDefinition.type === 'escalation',
      );
    const boundary = bestCatch(boundaries, code, (b: BoundaryEvent) =>
      b.eventDefinition.type === 'escalation' ? b.eventDefinition.escalationCode : undefined,
    );
    if (!boundary) continue;
    if (boundary.interrupting) {
      life.push({
        op: 'terminate',
        key: scope.key,
        record: { interruptedBy: { elementId: boundary.id, variables: {} } },
      });
      return true;
    }
    life.push({
      op: 'activate',
      definitionKey: scope.record.processDefinitionKey,
      processInstanceKey: scope.processInstanceKey,
      elementId: boundary.id,
      flowScopeKey: scope.flowScopeKey!,
      consumedFlowIds: [],
    });
    return false;
  }
  return false;
}
