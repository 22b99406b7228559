import type { ModdleElement } from 'bpmn-moddle';
import type { CompiledElement, CompiledProcess, SequenceFlow } from './CompiledProcess';
import { compileCompensation } from './compileCompensation';
import { compileElement } from './compileElement';
import { compileExecutionListeners, compileProperties } from './compileElementBase';
import type { ModelErrors } from './ModelError';
import { body, child, children, extension, str } from './moddleAccess';
import { readFeel } from './readExpression';
import { validateGraph } from './validateGraph';

const SCOPE_TYPES = new Set(['bpmn:SubProcess', 'bpmn:AdHocSubProcess']);

/** Compiles one executable bpmn:Process with all its scopes into the flat graph. */
export function compileProcess(errors: ModelErrors, process: ModdleElement): CompiledProcess {
  const bpmnProcessId = process.id ?? '';
  const elements: Record<string, CompiledElement> = {};
  const flows: Record<string, SequenceFlow> = {};
  const rawFlows: { flow: ModdleElement; scopeId: string }[] = [];

  const walk = (scope: ModdleElement, scopeId: string): string[] => {
    const childIds: string[] = [];
    for (const element of children(scope, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow') {
        rawFlows.push({ flow: element, scopeId });
        continue;
      }
      const compiled = compileElement(errors, element, scopeId);
      if (compiled === undefined) continue;
      elements[compiled.id] = compiled;
      childIds.push(compiled.id);
      if (SCOPE_TYPES.has(element.$type) && 'childIds' in compiled) {
        compiled.childIds = walk(element, compiled.id);
      }
    }
    return childIds;
  };
  const childIds = walk(process, bpmnProcessId);

  for (const { flow, scopeId } of rawFlows) {
    const compiled = compileFlow(errors, flow, scopeId, elements);
    if (compiled === undefined) continue;
    flows[compiled.id] = compiled;
    elements[compiled.sourceId]?.outgoing.push(compiled.id);
    elements[compiled.targetId]?.incoming.push(compiled.id);
  }
  for (const element of Object.values(elements)) {
    if (element.kind !== 'boundaryEvent') continue;
    const host = elements[element.attachedToId];
    if (host !== undefined && host.scopeId === element.scopeId)
      host.boundaryEventIds.push(element.id);
  }

  const versionTag = str(extension(process, 'zeebe:VersionTag'), 'value');
  const name = str(process, 'name');
  const compiled: CompiledProcess = {
    bpmnProcessId,
    ...(name === undefined || name === '' ? {} : { name }),
    ...(versionTag === undefined ? {} : { versionTag }),
    elements,
    flows,
    rootScopeId: bpmnProcessId,
    childIds,
    startEvents: { message: [], timer: [], signal: [], eventSubProcess: [] },
    properties: compileProperties(process),
    executionListeners: compileExecutionListeners(errors, process),
  };
  compileCompensation(errors, process, compiled);
  validateGraph(errors, compiled);
  return compiled;
}

function compileFlow(
  errors: ModelErrors,
  flow: ModdleElement,
  scopeId: string,
  elements: Record<string, CompiledElement>,
): SequenceFlow | undefined {
  const sourceId = child(flow, 'sourceRef')?.id;
  const targetId = child(flow, 'targetRef')?.id;
  if (sourceId === undefined || targetId === undefined) {
    errors.add(flow, 'sequence flow must have both a source and a target: connect both ends');
    return undefined;
  }
  for (const id of [sourceId, targetId]) {
    const element = elements[id];
    if (element === undefined) {
      errors.add(
        flow,
        `sequence flow refers to '${id}', which is not a flow node of this process: connect it to an existing element`,
      );
      return undefined;
    }
    if (element.scopeId !== scopeId) {
      errors.add(
        flow,
        `sequence flow connects '${sourceId}' and '${targetId}' across a sub-process boundary: both ends must be in the same (sub-)process`,
      );
      return undefined;
    }
  }
  const condition = body(flow, 'conditionExpression');
  const name = str(flow, 'name');
  return {
    id: flow.id ?? '',
    ...(name === undefined || name === '' ? {} : { name }),
    sourceId,
    targetId,
    ...(condition === undefined || condition.trim() === ''
      ? {}
      : { condition: readFeel(errors, flow, 'condition', condition) }),
  };
}
