import type { AdHocSubProcess, CompiledProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';

/** Inner elements that may be activated: not boundary events, handlers or event sub-processes. */
export function activatable(process: CompiledProcess, element: AdHocSubProcess): string[] {
  return element.childIds.filter((id) => {
    const child = process.elements[id];
    return (
      child !== undefined &&
      child.kind !== 'boundaryEvent' &&
      child.forCompensation !== true &&
      !(child.kind === 'subProcess' && child.triggeredByEvent)
    );
  });
}

/**
 * The `adHocSubProcessElements` variable Zeebe creates in the sub-process's scope: what a
 * worker may activate. (`parameters` would come from FEEL `fromAi` calls, which this engine
 * does not analyse: always empty.)
 */
export function adHocSubProcessElements(process: CompiledProcess, element: AdHocSubProcess) {
  return activatable(process, element).map((id) => {
    const inner = process.elements[id]!;
    return {
      elementId: id,
      elementName: inner.name ?? null,
      documentation: inner.documentation ?? null,
      properties: inner.properties,
      parameters: [],
    };
  });
}

/** An inner flow ends with an element that has no outgoing sequence flow. */
export function endsInnerFlow(process: CompiledProcess, child: ElementInstanceRow): boolean {
  return (process.elements[child.elementId]?.outgoing.length ?? 0) === 0;
}

/** "Expected …, but 'x', 'y' are not: use 'a', 'b'." for ids that are no activatable elements. */
export function unknownElementsMessage(
  expected: string,
  unknown: string[],
  allowed: string[],
): string {
  const list = (ids: string[]) => ids.map((id) => `'${id}'`).join(', ');
  return `${expected}, but ${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not: use ${list(allowed)}.`;
}
