import type { BoundaryEvent } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { Lifecycle } from '../lifecycle/Lifecycle';

/**
 * Throws a BPMN error from `thrower` (a task whose worker threw it, or an error end event):
 * the nearest error boundary event that catches the code interrupts its activity; a boundary
 * with that exact code wins over a catch-all one. If nothing catches it, an incident.
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
  for (let owner: ElementInstanceRow | undefined = thrower; owner; owner = parentOf(life, owner)) {
    if (owner.elementType === 'PROCESS') break;
    const catcher = catchingBoundary(life, owner, errorCode);
    if (catcher) {
      life.push({
        op: 'terminate',
        key: owner.key,
        record: { interruptedBy: { elementId: catcher.id, variables } },
      });
      return;
    }
  }
  const message = errorMessage ? ` with message '${errorMessage}'` : '';
  raiseIncident(
    life.ctx,
    thrower,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${errorCode}'${message}, but it was not caught. No error events are available in the scope. Model an error boundary event for this code, or fix the cause and resolve the incident.`,
    retry,
    jobKey,
  );
}

function catchingBoundary(
  life: Lifecycle,
  owner: ElementInstanceRow,
  errorCode: string,
): BoundaryEvent | undefined {
  const process = life.processOf(owner);
  const element = process.elements[owner.elementId];
  const errorBoundaries = (element?.boundaryEventIds ?? [])
    .map((id) => process.elements[id])
    .filter(
      (b): b is BoundaryEvent => b?.kind === 'boundaryEvent' && b.eventDefinition.type === 'error',
    );
  const code = (b: BoundaryEvent) =>
    b.eventDefinition.type === 'error' ? b.eventDefinition.errorCode : undefined;
  return (
    errorBoundaries.find((b) => code(b) === errorCode) ??
    errorBoundaries.find((b) => code(b) === undefined)
  );
}

function parentOf(life: Lifecycle, instance: ElementInstanceRow): ElementInstanceRow | undefined {
  return instance.flowScopeKey === null ? undefined : life.instance(instance.flowScopeKey);
}
