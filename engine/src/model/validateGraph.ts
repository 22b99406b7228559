import type { CompiledElement, CompiledProcess } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { validateScopes } from './validateScopes';

const ACTIVITIES = new Set<CompiledElement['kind']>([
  'serviceTask',
  'sendTask',
  'businessRuleTask',
  'scriptTask',
  'userTask',
  'receiveTask',
  'manualTask',
  'task',
  'subProcess',
  'adHocSubProcess',
  'callActivity',
]);

/** Structural rules Zeebe enforces at deploy, checked on the compiled graph. */
export function validateGraph(errors: ModelErrors, process: CompiledProcess): void {
  for (const element of Object.values(process.elements)) {
    validateFlowsOf(errors, process, element);
    if (element.kind === 'boundaryEvent') validateBoundary(errors, process, element);
    if (element.kind === 'eventBasedGateway') validateEventBasedGateway(errors, process, element);
  }
  validateScopes(errors, process);
}

function validateFlowsOf(errors: ModelErrors, process: CompiledProcess, element: CompiledElement) {
  if (element.kind === 'startEvent' && element.incoming.length > 0) {
    errors.add(
      element,
      'start event has incoming sequence flows: remove them (a start event can only start the flow)',
    );
  }
  if (element.kind === 'boundaryEvent' && element.incoming.length > 0) {
    errors.add(element, 'boundary event has incoming sequence flows: remove them');
  }
  if (element.kind === 'endEvent' && element.outgoing.length > 0) {
    errors.add(
      element,
      'end event has outgoing sequence flows: remove them or use an intermediate event',
    );
  }
  const outgoing = element.outgoing.flatMap((id) => process.flows[id] ?? []);
  const branching = element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway';
  if (!branching) {
    for (const flow of outgoing) {
      if (flow.condition !== undefined) {
        errors.add(
          flow,
          `sequence flow has a condition but leaves a ${element.kind}: conditions are only allowed after exclusive or inclusive gateways; remove it or add a gateway`,
        );
      }
    }
    return;
  }
  const defaultFlowId = element.defaultFlowId;
  if (defaultFlowId !== undefined) {
    const flow = process.flows[defaultFlowId];
    if (flow === undefined || flow.sourceId !== element.id) {
      errors.add(
        element,
        `default flow '${defaultFlowId}' is not an outgoing flow of this gateway: pick one of its outgoing flows`,
      );
    } else if (flow.condition !== undefined) {
      errors.add(
        element,
        `default flow '${defaultFlowId}' has a condition: remove the condition from the default flow`,
      );
    }
  }
  if (outgoing.length > 1) {
    for (const flow of outgoing) {
      if (flow.id !== defaultFlowId && flow.condition === undefined) {
        errors.add(
          flow,
          `sequence flow leaves gateway '${element.id}' without a condition: add a condition or make it the default flow`,
        );
      }
    }
  }
}

function validateBoundary(
  errors: ModelErrors,
  process: CompiledProcess,
  boundary: Extract<CompiledElement, { kind: 'boundaryEvent' }>,
) {
  const host = process.elements[boundary.attachedToId];
  if (host === undefined || !ACTIVITIES.has(host.kind)) {
    errors.add(
      boundary,
      `boundary event is attached to '${boundary.attachedToId}', which is not an activity: attach it to a task, sub-process or call activity`,
    );
  } else if (host.scopeId !== boundary.scopeId) {
    errors.add(
      boundary,
      `boundary event is attached to '${host.id}' in another scope: move it onto the activity's own (sub-)process`,
    );
  }
  const type = boundary.eventDefinition.type;
  if (type === 'error' && !boundary.interrupting) {
    errors.add(
      boundary,
      'error boundary event must be interrupting: make it interrupting (solid border)',
    );
  }
  if (type !== 'compensation' && boundary.outgoing.length === 0) {
    errors.add(
      boundary,
      'boundary event has no outgoing sequence flow: connect it to what should happen next',
    );
  }
}

function validateEventBasedGateway(
  errors: ModelErrors,
  process: CompiledProcess,
  gateway: Extract<CompiledElement, { kind: 'eventBasedGateway' }>,
) {
  if (gateway.outgoing.length < 2) {
    errors.add(
      gateway,
      'event-based gateway needs at least two outgoing flows: add the events it waits for',
    );
  }
  for (const flowId of gateway.outgoing) {
    const target = process.elements[process.flows[flowId]?.targetId ?? ''];
    const ok =
      target?.kind === 'receiveTask' ||
      (target?.kind === 'intermediateCatchEvent' &&
        ['message', 'timer', 'signal'].includes(target.eventDefinition.type));
    if (!ok) {
      errors.add(
        gateway,
        `event-based gateway leads to '${target?.id ?? flowId}': it may only lead to message, timer or signal intermediate catch events or receive tasks`,
      );
    }
  }
}
