import type { ModdleElement } from 'bpmn-moddle';
import type { CompiledElement, CompiledProcess } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { bool, child, children } from './moddleAccess';

const SCOPES = new Set(['bpmn:SubProcess', 'bpmn:AdHocSubProcess']);

/**
 * Compensation as Camunda 8 models it: an activity marked `isForCompensation` is the handler
 * that an association links to a compensation boundary event of the activity it undoes; a
 * compensation throw event undoes its scope, or one activity of it (`activityRef`).
 */
export function compileCompensation(
  errors: ModelErrors,
  process: ModdleElement,
  compiled: CompiledProcess,
): void {
  const associations: { source: string; target: string }[] = [];
  const walk = (scope: ModdleElement) => {
    for (const element of children(scope, 'flowElements')) {
      const target = element.id === undefined ? undefined : compiled.elements[element.id];
      if (target !== undefined && bool(element, 'isForCompensation') === true)
        target.forCompensation = true;
      if (SCOPES.has(element.$type)) walk(element);
    }
    for (const artifact of children(scope, 'artifacts')) {
      if (artifact.$type !== 'bpmn:Association') continue;
      const source = child(artifact, 'sourceRef')?.id;
      const target = child(artifact, 'targetRef')?.id;
      if (source !== undefined && target !== undefined) associations.push({ source, target });
    }
  };
  walk(process);

  for (const { source, target } of associations) {
    const boundary = compiled.elements[source];
    if (boundary?.kind !== 'boundaryEvent' || boundary.eventDefinition.type !== 'compensation')
      continue;
    const handler = compiled.elements[target];
    if (handler?.forCompensation !== true) {
      errors.add(
        boundary,
        `compensation boundary event is associated with '${target}', which is not a compensation handler: mark that activity "for compensation" (isForCompensation)`,
      );
    } else if (boundary.compensationHandlerId !== undefined) {
      errors.add(
        boundary,
        'compensation boundary event is associated with more than one handler: keep one association',
      );
    } else boundary.compensationHandlerId = target;
  }
  for (const element of Object.values(compiled.elements)) validate(errors, compiled, element);
}

function validate(errors: ModelErrors, process: CompiledProcess, element: CompiledElement): void {
  if (element.forCompensation === true) {
    if (element.incoming.length > 0 || element.outgoing.length > 0) {
      errors.add(
        element,
        'compensation handler has sequence flows: remove them (it runs only when its activity is compensated)',
      );
    }
    if (element.boundaryEventIds.length > 0) {
      errors.add(element, 'compensation handler has boundary events: remove them');
    }
  }
  if (!('eventDefinition' in element) || element.eventDefinition.type !== 'compensation') return;
  if (element.kind === 'boundaryEvent') {
    if (element.compensationHandlerId === undefined) {
      errors.add(
        element,
        'compensation boundary event has no compensation handler: associate it with an activity marked "for compensation"',
      );
    }
    if (element.outgoing.length > 0) {
      errors.add(
        element,
        'compensation boundary event has outgoing sequence flows: remove them and associate a compensation handler instead',
      );
    }
    return;
  }
  const ref = element.eventDefinition.activityRef;
  if (ref === undefined) return;
  const activity = process.elements[ref];
  const scopeIds = compensationScopeIds(process, element.scopeId);
  if (activity === undefined || !scopeIds.includes(activity.scopeId)) {
    errors.add(
      element,
      `compensation activityRef '${ref}' is not an activity of this scope: refer to an activity beside the throw event`,
    );
  } else if (!hasCompensationBoundary(process, activity)) {
    errors.add(
      element,
      `compensation activityRef '${ref}' has no compensation boundary event: attach one with a handler, or refer to another activity`,
    );
  }
}

/** The scope a throw event in `scopeId` compensates: its own; from an event sub-process, also the one around it. */
export function compensationScopeIds(process: CompiledProcess, scopeId: string): string[] {
  const scope = process.elements[scopeId];
  return scope?.kind === 'subProcess' && scope.triggeredByEvent
    ? [scopeId, scope.scopeId]
    : [scopeId];
}

function hasCompensationBoundary(process: CompiledProcess, activity: CompiledElement): boolean {
  return activity.boundaryEventIds.some((id) => {
    const boundary = process.elements[id];
    return boundary?.kind === 'boundaryEvent' && boundary.eventDefinition.type === 'compensation';
  });
}
