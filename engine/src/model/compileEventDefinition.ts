import type { ModdleElement } from 'bpmn-moddle';
import { evaluateFeel } from '../feel/evaluateFeel';
import { parseTimerValue } from '../timers/parseTimerValue';
import type { EventDefinition, Expression, TimerKind } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { body, child, children, describeType, extension, str } from './moddleAccess';
import { readExpression, readFeel } from './readExpression';

/** Which event definitions Camunda 8 supports on which kind of event. */
const SUPPORTED: Record<string, EventDefinition['type'][]> = {
  'bpmn:StartEvent': ['none', 'message', 'timer', 'signal', 'error', 'escalation'],
  'bpmn:IntermediateCatchEvent': ['message', 'timer', 'signal', 'link'],
  'bpmn:IntermediateThrowEvent': [
    'none',
    'message',
    'signal',
    'escalation',
    'link',
    'compensation',
  ],
  'bpmn:EndEvent': [
    'none',
    'message',
    'error',
    'terminate',
    'signal',
    'escalation',
    'compensation',
  ],
  'bpmn:BoundaryEvent': ['message', 'timer', 'error', 'signal', 'escalation', 'compensation'],
};

const TYPES: Record<string, EventDefinition['type'] | undefined> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
};

export function compileEventDefinition(errors: ModelErrors, event: ModdleElement): EventDefinition {
  const definitions = children(event, 'eventDefinitions');
  if (definitions.length > 1) {
    errors.add(
      event,
      `${describeType(event.$type)} has ${definitions.length} event definitions: Camunda 8 supports one; split it into separate events`,
    );
  }
  const definition = definitions[0];
  const type = definition === undefined ? 'none' : TYPES[definition.$type];
  const allowed = SUPPORTED[event.$type] ?? [];
  if (type === undefined || !allowed.includes(type)) {
    const what =
      definition === undefined
        ? 'none'
        : describeType(definition.$type).replace(/ event definition$/, '');
    errors.add(
      event,
      `a ${what} ${describeType(event.$type)} is not supported by Camunda 8: use one of ${allowed.join(', ')}`,
    );
    return { type: 'none' };
  }
  switch (type) {
    case 'none':
    case 'terminate':
      return { type };
    case 'message':
      return compileMessage(errors, event, child(definition, 'messageRef'));
    case 'timer':
      return compileTimer(errors, event, definition);
    case 'error': {
      const error = child(definition, 'errorRef');
      const code = str(error, 'errorCode');
      if (event.$type === 'bpmn:EndEvent' && (code === undefined || code.trim() === '')) {
        errors.add(
          event,
          'error end event has no error code: reference an error (bpmn:error) with an errorCode',
        );
      }
      if (code?.startsWith('=') === true) readExpression(errors, event, 'errorCode', code);
      const message = str(error, 'errorMessage');
      return {
        type,
        ...(code ? { errorCode: code } : {}),
        ...(message ? { errorMessage: message } : {}),
      };
    }
    case 'escalation': {
      const code = str(child(definition, 'escalationRef'), 'escalationCode');
      const throwing =
        event.$type === 'bpmn:EndEvent' || event.$type === 'bpmn:IntermediateThrowEvent';
      if (throwing && (code === undefined || code.trim() === '')) {
        errors.add(
          event,
          'escalation throw event has no escalation code: reference an escalation with an escalationCode',
        );
      }
      return { type, ...(code ? { escalationCode: code } : {}) };
    }
    case 'signal': {
      const name = str(child(definition, 'signalRef'), 'name');
      if (name === undefined || name.trim() === '') {
        errors.add(
          event,
          'signal event has no signal name: reference a signal (bpmn:signal) with a name',
        );
      }
      return { type, signalName: readExpression(errors, event, 'signal name', name ?? '') };
    }
    case 'link': {
      const linkName = str(definition, 'name');
      if (linkName === undefined || linkName.trim() === '') {
        errors.add(event, 'link event has no link name: give the link event definition a name');
      }
      return { type, linkName: linkName ?? '' };
    }
    case 'compensation': {
      const activity = child(definition, 'activityRef');
      // Zeebe refuses it at deploy too: its throw events always wait for the handlers.
      if (definition?.waitForCompletion === false) {
        errors.add(
          event,
          'compensation event with waitForCompletion="false" is not supported: the event always waits for the compensation handlers; remove the attribute (or set it to true)',
        );
      }
      return { type, ...(activity?.id === undefined ? {} : { activityRef: activity.id }) };
    }
  }
}

/** Message of a catch / start event or a receive task. */
export function compileMessage(
  errors: ModelErrors,
  element: ModdleElement,
  message: ModdleElement | undefined,
): Extract<EventDefinition, { type: 'message' }> {
  const name = str(message, 'name');
  // Message throw and end events are jobs in Zeebe: the worker sends; no message is required.
  const throws =
    element.$type === 'bpmn:IntermediateThrowEvent' || element.$type === 'bpmn:EndEvent';
  if (throws && (message === undefined || name === undefined || name.trim() === '')) {
    return { type: 'message', messageName: { kind: 'static', value: '' } };
  }
  if (message === undefined || name === undefined || name.trim() === '') {
    errors.add(
      element,
      `${describeType(element.$type)} has no message name: reference a message (bpmn:message) with a name`,
    );
  }
  const messageName = readExpression(errors, element, 'message name', name ?? '');
  // A start event of an event sub-process waits inside a running instance: it needs a key.
  const inEventSubProcess =
    element.$parent?.$type === 'bpmn:SubProcess' && element.$parent.triggeredByEvent === true;
  const isStart = element.$type === 'bpmn:StartEvent' && !inEventSubProcess;
  const catches =
    isStart ||
    inEventSubProcess ||
    element.$type === 'bpmn:IntermediateCatchEvent' ||
    element.$type === 'bpmn:BoundaryEvent' ||
    element.$type === 'bpmn:ReceiveTask';
  if (isStart)
    return { type: 'message', messageName: staticStartName(errors, element, messageName) };
  if (!catches) return { type: 'message', messageName };
  const key = str(extension(message, 'zeebe:Subscription'), 'correlationKey');
  if (key === undefined || key.trim() === '') {
    errors.add(
      element,
      `message '${name ?? ''}' has no zeebe:subscription correlationKey: set one on the message, e.g. =applicationId`,
    );
    return { type: 'message', messageName };
  }
  return {
    type: 'message',
    messageName,
    correlationKey: { kind: 'feel', source: readFeel(errors, element, 'correlationKey', key) },
  };
}

// A message start event's name is evaluated once at deploy (there are no variables yet),
// so the runtime can look start events up by name.
function staticStartName(
  errors: ModelErrors,
  element: ModdleElement,
  name: Expression,
): Expression {
  if (name.kind === 'static') return name;
  const result = evaluateFeel(name.source, {});
  if (result.ok && typeof result.value === 'string') return { kind: 'static', value: result.value };
  errors.add(
    element,
    `message start event name '=${name.source}' must evaluate to a string without variables`,
  );
  return name;
}

function compileTimer(
  errors: ModelErrors,
  event: ModdleElement,
  definition: ModdleElement | undefined,
): EventDefinition {
  const values = (
    [
      ['date', body(definition, 'timeDate')],
      ['duration', body(definition, 'timeDuration')],
      ['cycle', body(definition, 'timeCycle')],
    ] as const
  ).filter(
    (entry): entry is readonly [TimerKind, string] =>
      entry[1] !== undefined && entry[1].trim() !== '',
  );
  const first = values[0];
  if (values.length !== 1 || first === undefined) {
    errors.add(
      event,
      'timer needs exactly one of timeDate, timeDuration or timeCycle with a value: set one',
    );
    return {
      type: 'timer',
      timer: { kind: 'duration', expression: { kind: 'static', value: '' } },
    };
  }
  const [kind, raw] = first;
  const allowed = allowedTimerKinds(event);
  if (!allowed.includes(kind)) {
    errors.add(
      event,
      `a time ${kind} is not allowed on this ${describeType(event.$type)}: use ${allowed.map((k) => `time ${k}`).join(' or ')}`,
    );
  }
  const expression = readExpression(
    errors,
    event,
    `timer time${kind[0]?.toUpperCase()}${kind.slice(1)}`,
    raw,
  );
  if (expression.kind === 'static') {
    const parsed = parseTimerValue(kind, expression.value);
    if (!parsed.ok) errors.add(event, `invalid timer value: ${parsed.message}`);
  }
  return { type: 'timer', timer: { kind, expression } };
}

function allowedTimerKinds(event: ModdleElement): TimerKind[] {
  if (event.$type === 'bpmn:StartEvent') {
    const inEventSubProcess = event.$parent?.triggeredByEvent === true;
    return inEventSubProcess ? ['date', 'duration', 'cycle'] : ['date', 'cycle'];
  }
  if (event.$type === 'bpmn:BoundaryEvent' && event.cancelActivity === false) {
    return ['date', 'duration', 'cycle'];
  }
  return ['date', 'duration'];
}
