import type { BoundaryEvent, StartEvent } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { bestCatch, isScope, outerScope } from './scopeWalk';
import {
  eventSubProcessOf,
  eventSubProcessStarts,
  triggerEventSubProcess,
} from './eventSubProcesses';

type ErrorCatcher =
  | { kind: 'boundary'; owner: ElementInstanceRow; event: BoundaryEvent }
  | { kind: 'eventSubProcess'; scope: ElementInstanceRow; start: StartEvent };

/**
 * Throws a BPMN error from `thrower` (a task whose worker threw it, or an error end event).
 * From the thrower outwards, each level is asked in turn: the event sub-processes of a scope,
 * then the error boundary events of the element; an exact code wins over a catch-all at the
 * same level. A called process hands the error on to its call activity. Nothing catches it:
 * an incident.
 */
export function throwError(
  life: Lifecycle,
  thrower: ElementInstanceRow,
  errorCode: string,
  errorMessage: string,
  variables: Record<string, unknown>,
  retry: 'activate' | 'job',
  jobKey: number | null = null,
): void {
  const catcher = findCatcher(life, thrower, errorCode);
  // As in Zeebe, the catch event gets the error's code and message as its own local variables:
  // its output mappings can read them; without mappings they end with the event.
  const localVariables = { errorCode, errorMessage };
  if (catcher?.kind === 'boundary') {
    life.push({
      op: 'terminate',
      key: catcher.owner.key,
      record: { interruptedBy: { elementId: catcher.event.id, variables, localVariables } },
    });
    return;
  }
  if (catcher?.kind === 'eventSubProcess') {
    triggerEventSubProcess(
      life,
      catcher.scope,
      catcher.start,
      eventSubProcessOf(life, catcher.scope, catcher.start)!,
      variables,
      localVariables,
    );
    return;
  }
  const message = errorMessage ? ` with message '${errorMessage}'` : '';
  raiseIncident(
    life.ctx,
    thrower,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${errorCode}'${message}, but it was not caught. No error events are available in the scope. Model an error boundary event or event sub-process for this code, or fix the cause and resolve the incident.`,
    retry,
    jobKey,
  );
}

function findCatcher(
  life: Lifecycle,
  thrower: ElementInstanceRow,
  errorCode: string,
): ErrorCatcher | undefined {
  for (
    let level: ElementInstanceRow | undefined = thrower;
    level;
    level = outerScope(life, level)
  ) {
    if (level.key !== thrower.key && isScope(level)) {
      const starts = eventSubProcessStarts(life, level).filter(
        (s) => s.eventDefinition.type === 'error',
      );
      const start = bestCatch(starts, errorCode, (s) =>
        s.eventDefinition.type === 'error' ? s.eventDefinition.errorCode : undefined,
      );
      if (start && !level.record.pendingEventSubProcess)
        return { kind: 'eventSubProcess', scope: level, start };
    }
    // Boundary events hang on the multi-instance body, not on its inner instances.
    if (level.elementType === 'PROCESS' || level.record.multiInstanceInner) continue;
    const process = life.processOf(level);
    const boundaries = (process.elements[level.elementId]?.boundaryEventIds ?? [])
      .map((id) => process.elements[id])
      .filter(
        (b): b is BoundaryEvent =>
          b?.kind === 'boundaryEvent' && b.eventDefinition.type === 'error',
      );
    const event = bestCatch(boundaries, errorCode, (b) =>
      b.eventDefinition.type === 'error' ? b.eventDefinition.errorCode : undefined,
    );
    if (event) return { kind: 'boundary', owner: level, event };
  }
  return undefined;
}
