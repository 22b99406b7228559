import type { ModdleElement } from 'bpmn-moddle';
import type { ElementBase, Listener, Mapping, MultiInstance } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { child, children, extension, extensions, str } from './moddleAccess';
import { readExpression, readFeel } from './readExpression';

const TARGET_PATH = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

/** The fields every compiled element has; incoming/outgoing/boundaries are filled later. */
export function compileElementBase(
  errors: ModelErrors,
  element: ModdleElement,
  scopeId: string,
): ElementBase {
  const id = element.id ?? '';
  const name = str(element, 'name');
  const documentation = (element.documentation as ModdleElement[] | undefined)?.[0]?.text as
    string | undefined;
  const ioMapping = extension(element, 'zeebe:IoMapping');
  const multiInstance = compileMultiInstance(errors, element);
  return {
    id,
    ...(name === undefined || name === '' ? {} : { name }),
    ...(documentation ? { documentation } : {}),
    scopeId,
    incoming: [],
    outgoing: [],
    inputMappings: compileMappings(
      errors,
      element,
      children(ioMapping, 'inputParameters'),
      'input',
    ),
    outputMappings: compileMappings(
      errors,
      element,
      children(ioMapping, 'outputParameters'),
      'output',
    ),
    boundaryEventIds: [],
    executionListeners: compileExecutionListeners(errors, element),
    properties: compileProperties(element),
    ...(multiInstance === undefined ? {} : { multiInstance }),
  };
}

function compileMappings(
  errors: ModelErrors,
  element: ModdleElement,
  parameters: ModdleElement[],
  direction: 'input' | 'output',
): Mapping[] {
  return parameters.map((parameter) => {
    const target = str(parameter, 'target') ?? '';
    if (!TARGET_PATH.test(target)) {
      errors.add(
        element,
        `zeebe:${direction} target '${target}' is not a variable name or path: use a name such as 'applicant' or 'applicant.address'`,
      );
    }
    const source = str(parameter, 'source');
    return {
      // Zeebe maps a missing source to null.
      source:
        source === undefined || source === ''
          ? { kind: 'feel', source: 'null' }
          : readExpression(errors, element, `zeebe:${direction} source`, source),
      target,
    };
  });
}

export function compileExecutionListeners(errors: ModelErrors, element: ModdleElement): Listener[] {
  const container = extension(element, 'zeebe:ExecutionListeners');
  return children(container, 'listeners').map((listener) => {
    const eventType = str(listener, 'eventType');
    const type = str(listener, 'type') ?? '';
    if (eventType !== 'start' && eventType !== 'end') {
      errors.add(
        element,
        `zeebe:executionListener eventType '${eventType ?? ''}' is not supported: use 'start' or 'end'`,
      );
    }
    if (type.trim() === '')
      errors.add(element, 'zeebe:executionListener has no job type: set its type');
    const refused = refusedListener(element, eventType);
    if (refused) errors.add(element, refused);
    return {
      eventType: eventType === 'end' ? 'end' : 'start',
      type: readExpression(errors, element, 'zeebe:executionListener type', type),
      retries: readExpression(
        errors,
        element,
        'zeebe:executionListener retries',
        str(listener, 'retries') ?? '3',
      ),
    };
  });
}

/** Where Zeebe runs no execution listener of an event type (its documented limitations). */
function refusedListener(
  element: ModdleElement,
  eventType: string | undefined,
): string | undefined {
  const type = element.$type;
  const not = `zeebe:executionListener eventType '${eventType ?? ''}' is not supported on`;
  if (eventType === 'start' && type === 'bpmn:StartEvent')
    return `${not} start events: put it on the process or sub-process`;
  if (eventType === 'start' && type === 'bpmn:BoundaryEvent')
    return `${not} boundary events: put it on the activity the event is attached to`;
  if (eventType === 'end' && type.endsWith('Gateway'))
    return `${not} gateways: put a start listener on the element after the gateway`;
  const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
  if (
    eventType === 'end' &&
    type === 'bpmn:EndEvent' &&
    definitions.some((d) => d.$type === 'bpmn:ErrorEventDefinition')
  )
    return `${not} error end events: put it on the event that catches the error`;
  return undefined;
}

/** zeebe:properties plus `balcao:`-prefixed task headers (milestone labels may be either). */
export function compileProperties(element: ModdleElement): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const header of children(extension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = str(header, 'key');
    if (key?.startsWith('balcao:') === true) properties[key] = str(header, 'value') ?? '';
  }
  for (const container of extensions(element, 'zeebe:Properties')) {
    for (const property of children(container, 'properties')) {
      const name = str(property, 'name');
      if (name !== undefined) properties[name] = str(property, 'value') ?? '';
    }
  }
  return properties;
}

function compileMultiInstance(
  errors: ModelErrors,
  element: ModdleElement,
): MultiInstance | undefined {
  const loop = child(element, 'loopCharacteristics');
  if (loop === undefined) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    errors.add(
      element,
      'standard loop characteristics are not supported by Camunda 8: use a multi-instance marker instead',
    );
    return undefined;
  }
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  const inputCollection = str(zeebeLoop, 'inputCollection');
  if (inputCollection === undefined || inputCollection.trim() === '') {
    errors.add(
      element,
      'multi-instance has no zeebe:loopCharacteristics inputCollection: set the list to iterate over, e.g. =applicants',
    );
  }
  const outputCollection = str(zeebeLoop, 'outputCollection');
  const outputElement = str(zeebeLoop, 'outputElement');
  if ((outputCollection === undefined) !== (outputElement === undefined)) {
    errors.add(
      element,
      'multi-instance needs both outputCollection and outputElement, or neither: set the missing one',
    );
  }
  const inputElement = str(zeebeLoop, 'inputElement');
  const completion = str(child(loop, 'completionCondition'), 'body');
  return {
    isSequential: loop.isSequential === true,
    inputCollection: readFeel(
      errors,
      element,
      'multi-instance inputCollection',
      inputCollection ?? '=[]',
    ),
    ...(inputElement === undefined ? {} : { inputElement }),
    ...(outputCollection === undefined ? {} : { outputCollection }),
    ...(outputElement === undefined
      ? {}
      : {
          outputElement: readFeel(errors, element, 'multi-instance outputElement', outputElement),
        }),
    ...(completion === undefined
      ? {}
      : {
          completionCondition: readFeel(
            errors,
            element,
            'multi-instance completionCondition',
            completion,
          ),
        }),
  };
}
