import type {
  BoundaryEvent,
  CompiledElement,
  CompiledProcess,
  ElementKind,
  SequenceFlow,
} from './CompiledProcess';

/** Narrowed element lookup; undefined when the id is unknown or of another kind. */
export function elementOfKind<K extends ElementKind>(
  process: CompiledProcess,
  id: string,
  kind: K,
): Extract<CompiledElement, { kind: K }> | undefined {
  const element = process.elements[id];
  return element?.kind === kind ? (element as Extract<CompiledElement, { kind: K }>) : undefined;
}

/** The element a sequence flow leads to. */
export function targetOfFlow(
  process: CompiledProcess,
  flowId: string,
): CompiledElement | undefined {
  const flow = process.flows[flowId];
  return flow === undefined ? undefined : process.elements[flow.targetId];
}

/** The outgoing sequence flows of an element, in model order. */
export function outgoingFlows(process: CompiledProcess, elementId: string): SequenceFlow[] {
  const element = process.elements[elementId];
  if (element === undefined) return [];
  return element.outgoing.flatMap((id) => {
    const flow = process.flows[id];
    return flow === undefined ? [] : [flow];
  });
}

/** The boundary events attached to an activity. */
export function boundaryEventsOf(process: CompiledProcess, activityId: string): BoundaryEvent[] {
  const element = process.elements[activityId];
  if (element === undefined) return [];
  return element.boundaryEventIds.flatMap((id) => {
    const boundary = process.elements[id];
    return boundary?.kind === 'boundaryEvent' ? [boundary] : [];
  });
}

/** The elements directly inside a scope (the process id or a sub-process id). */
export function childrenOf(process: CompiledProcess, scopeId: string): CompiledElement[] {
  const scope = process.elements[scopeId];
  const ids =
    scopeId === process.rootScopeId
      ? process.childIds
      : scope !== undefined && 'childIds' in scope
        ? scope.childIds
        : [];
  return ids.flatMap((id) => {
    const child = process.elements[id];
    return child === undefined ? [] : [child];
  });
}

/**
 * The root-scope message start event that a message name starts, if any. Message start
 * event names are static (Zeebe evaluates them at deploy, without variables).
 */
export function messageStartEventFor(
  process: CompiledProcess,
  messageName: string,
): string | undefined {
  return process.startEvents.message.find((id) => {
    const start = process.elements[id];
    if (start?.kind !== 'startEvent' || start.eventDefinition.type !== 'message') return false;
    const name = start.eventDefinition.messageName;
    return name.kind === 'static' && name.value === messageName;
  });
}
