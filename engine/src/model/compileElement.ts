import type { ModdleElement } from 'bpmn-moddle';
import type { CompiledElement, ElementBase } from './CompiledProcess';
import { compileElementBase } from './compileElementBase';
import { compileEventDefinition, compileMessage } from './compileEventDefinition';
import { compileBinding, compileJob } from './compileJob';
import { compileUserTask } from './compileUserTask';
import type { ModelErrors } from './ModelError';
import { bool, child, describeType, extension, str } from './moddleAccess';
import { readExpression, readFeel } from './readExpression';

/** Flow elements that carry no behaviour and are skipped. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/**
 * Compiles one flow node (not sequence flows) into its typed form. Returns undefined for
 * elements without behaviour, and for unsupported ones after recording an error.
 */
export function compileElement(
  errors: ModelErrors,
  element: ModdleElement,
  scopeId: string,
): CompiledElement | undefined {
  if (IGNORED.has(element.$type)) return undefined;
  const base: ElementBase = compileElementBase(errors, element, scopeId);
  switch (element.$type) {
    case 'bpmn:StartEvent':
      return {
        ...base,
        kind: 'startEvent',
        eventDefinition: compileEventDefinition(errors, element),
        interrupting: bool(element, 'isInterrupting') !== false,
      };
    case 'bpmn:EndEvent':
    case 'bpmn:IntermediateThrowEvent': {
      const eventDefinition = compileEventDefinition(errors, element);
      // Message throw events are jobs, like send tasks.
      const job =
        eventDefinition.type === 'message' ? compileJob(errors, element, true) : undefined;
      const kind = element.$type === 'bpmn:EndEvent' ? 'endEvent' : 'intermediateThrowEvent';
      return { ...base, kind, eventDefinition, ...(job === undefined ? {} : { job }) };
    }
    case 'bpmn:IntermediateCatchEvent':
      return {
        ...base,
        kind: 'intermediateCatchEvent',
        eventDefinition: compileEventDefinition(errors, element),
      };
    case 'bpmn:BoundaryEvent':
      return {
        ...base,
        kind: 'boundaryEvent',
        eventDefinition: compileEventDefinition(errors, element),
        attachedToId: child(element, 'attachedToRef')?.id ?? '',
        interrupting: bool(element, 'cancelActivity') !== false,
      };
    case 'bpmn:ServiceTask':
    case 'bpmn:SendTask': {
      const job = compileJob(errors, element, true) ?? emptyJob();
      return {
        ...base,
        kind: element.$type === 'bpmn:ServiceTask' ? 'serviceTask' : 'sendTask',
        job,
      };
    }
    case 'bpmn:ScriptTask':
      return compileScriptTask(errors, element, base);
    case 'bpmn:BusinessRuleTask':
      return compileBusinessRuleTask(errors, element, base);
    case 'bpmn:UserTask':
      return { ...base, kind: 'userTask', ...compileUserTask(errors, element) };
    case 'bpmn:ReceiveTask':
      return {
        ...base,
        kind: 'receiveTask',
        eventDefinition: compileMessage(errors, element, child(element, 'messageRef')),
      };
    case 'bpmn:ManualTask':
      return { ...base, kind: 'manualTask' };
    case 'bpmn:Task':
      return { ...base, kind: 'task' };
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:InclusiveGateway': {
      const defaultFlowId = child(element, 'default')?.id;
      const kind =
        element.$type === 'bpmn:ExclusiveGateway' ? 'exclusiveGateway' : 'inclusiveGateway';
      return { ...base, kind, ...(defaultFlowId === undefined ? {} : { defaultFlowId }) };
    }
    case 'bpmn:ParallelGateway':
      return { ...base, kind: 'parallelGateway' };
    case 'bpmn:EventBasedGateway':
      return { ...base, kind: 'eventBasedGateway' };
    case 'bpmn:SubProcess':
      return {
        ...base,
        kind: 'subProcess',
        triggeredByEvent: bool(element, 'triggeredByEvent') === true,
        childIds: [],
        starts: { eventSubProcessStartIds: [] },
      };
    case 'bpmn:AdHocSubProcess':
      return compileAdHocSubProcess(errors, element, base);
    case 'bpmn:CallActivity':
      return compileCallActivity(errors, element, base);
    default:
      errors.add(
        element,
        `${describeType(element.$type)} is not supported by Camunda 8: replace it with a supported element`,
      );
      return undefined;
  }
}

function compileScriptTask(
  errors: ModelErrors,
  element: ModdleElement,
  base: ElementBase,
): CompiledElement {
  const script = extension(element, 'zeebe:Script');
  const job = compileJob(errors, element, false);
  if (script === undefined) {
    if (job === undefined) {
      errors.add(
        element,
        'script task needs a zeebe:script expression and resultVariable, or a zeebe:taskDefinition type for a job worker: set one',
      );
    }
    return { ...base, kind: 'scriptTask', ...(job === undefined ? {} : { job }) };
  }
  const expression = str(script, 'expression') ?? '';
  const resultVariable = str(script, 'resultVariable') ?? '';
  if (expression.trim() === '')
    errors.add(element, 'zeebe:script has no expression: set the FEEL expression to evaluate');
  if (resultVariable.trim() === '')
    errors.add(
      element,
      'zeebe:script has no resultVariable: name the variable that receives the result',
    );
  if (job !== undefined)
    errors.add(element, 'script task has both zeebe:script and zeebe:taskDefinition: keep one');
  return {
    ...base,
    kind: 'scriptTask',
    script: {
      expression: readFeel(errors, element, 'zeebe:script expression', expression || '=null'),
      resultVariable,
    },
  };
}

function compileBusinessRuleTask(
  errors: ModelErrors,
  element: ModdleElement,
  base: ElementBase,
): CompiledElement {
  const decision = extension(element, 'zeebe:CalledDecision');
  const job = compileJob(errors, element, false);
  if (decision === undefined) {
    if (job === undefined) {
      errors.add(
        element,
        'business rule task needs a zeebe:calledDecision (decisionId, resultVariable) or a zeebe:taskDefinition type: set one',
      );
    }
    return { ...base, kind: 'businessRuleTask', ...(job === undefined ? {} : { job }) };
  }
  const decisionId = str(decision, 'decisionId') ?? '';
  const resultVariable = str(decision, 'resultVariable') ?? '';
  if (decisionId.trim() === '')
    errors.add(element, 'zeebe:calledDecision has no decisionId: set the id of the DMN decision');
  if (resultVariable.trim() === '')
    errors.add(
      element,
      'zeebe:calledDecision has no resultVariable: name the variable that receives the result',
    );
  return {
    ...base,
    kind: 'businessRuleTask',
    calledDecision: {
      decisionId: readExpression(errors, element, 'zeebe:calledDecision decisionId', decisionId),
      resultVariable,
      ...compileBinding(errors, element, decision, 'zeebe:calledDecision'),
    },
  };
}

function compileCallActivity(
  errors: ModelErrors,
  element: ModdleElement,
  base: ElementBase,
): CompiledElement {
  const called = extension(element, 'zeebe:CalledElement');
  const processId = str(called, 'processId') ?? str(called, 'processIdExpression') ?? '';
  if (processId.trim() === '') {
    errors.add(
      element,
      'call activity has no zeebe:calledElement processId: set the id of the process to call',
    );
  }
  return {
    ...base,
    kind: 'callActivity',
    calledElement: {
      processId: readExpression(errors, element, 'zeebe:calledElement processId', processId),
      propagateAllChildVariables: bool(called, 'propagateAllChildVariables') !== false,
      propagateAllParentVariables: bool(called, 'propagateAllParentVariables') !== false,
      ...compileBinding(errors, element, called, 'zeebe:calledElement'),
    },
  };
}

function compileAdHocSubProcess(
  errors: ModelErrors,
  element: ModdleElement,
  base: ElementBase,
): CompiledElement {
  const adHoc = extension(element, 'zeebe:AdHoc');
  const active = str(adHoc, 'activeElementsCollection');
  const completion = str(child(element, 'completionCondition'), 'body');
  const outputCollection = str(adHoc, 'outputCollection');
  const outputElement = str(adHoc, 'outputElement');
  if (!outputCollection !== !outputElement) {
    errors.add(
      element,
      'ad-hoc sub-process needs both zeebe:adHoc outputCollection and outputElement, or neither: set the missing one',
    );
  }
  const job = compileJob(errors, element, false);
  return {
    ...base,
    kind: 'adHocSubProcess',
    childIds: [],
    starts: { eventSubProcessStartIds: [] },
    ...(active === undefined || active.trim() === ''
      ? {}
      : {
          activeElementsCollection: readFeel(
            errors,
            element,
            'zeebe:adHoc activeElementsCollection',
            active,
          ),
        }),
    ...(completion === undefined
      ? {}
      : { completionCondition: readFeel(errors, element, 'completionCondition', completion) }),
    cancelRemainingInstances: bool(element, 'cancelRemainingInstances') !== false,
    ...(outputCollection ? { outputCollection } : {}),
    ...(outputElement
      ? { outputElement: readFeel(errors, element, 'zeebe:adHoc outputElement', outputElement) }
      : {}),
    ...(job === undefined ? {} : { job }),
  };
}

function emptyJob() {
  return {
    type: { kind: 'static' as const, value: '' },
    retries: { kind: 'static' as const, value: '3' },
    headers: {},
  };
}
