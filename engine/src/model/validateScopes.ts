import type { CompiledElement, CompiledProcess, StartEvent } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { childrenOf } from './processGraph';

/**
 * Start-event rules per scope (process, embedded / event / ad-hoc sub-process), link
 * pairing, and the start-event index the runtime uses (`startEvents`, `starts`).
 */
export function validateScopes(errors: ModelErrors, process: CompiledProcess): void {
  const rootStarts = startsOf(process, process.rootScopeId);
  const processRef = { id: process.bpmnProcessId, name: process.name };
  if (rootStarts.length === 0) {
    errors.add(processRef, 'process has no start event: add a start event');
  }
  const none = rootStarts.filter((s) => s.eventDefinition.type === 'none');
  if (none.length > 1) {
    errors.add(
      processRef,
      `process has ${none.length} none start events (${none.map((s) => s.id).join(', ')}): keep one`,
    );
  }
  for (const start of rootStarts) {
    const type = start.eventDefinition.type;
    if (type === 'none') process.startEvents.none = start.id;
    else if (type === 'message' || type === 'timer' || type === 'signal')
      process.startEvents[type].push(start.id);
    else
      errors.add(
        start,
        `a ${type} start event is only allowed in an event sub-process: use a none, message, timer or signal start event`,
      );
  }
  checkUniqueMessageNames(errors, process, process.startEvents.message);
  process.startEvents.eventSubProcess = eventSubProcessStarts(errors, process, process.rootScopeId);
  checkLinks(errors, process, process.rootScopeId);

  for (const scope of Object.values(process.elements)) {
    if (scope.kind === 'subProcess') validateSubProcess(errors, process, scope);
    if (scope.kind === 'adHocSubProcess') {
      for (const child of childrenOf(process, scope.id)) {
        if (child.kind === 'startEvent' || child.kind === 'endEvent') {
          errors.add(
            child,
            `an ad-hoc sub-process may not contain ${child.kind === 'startEvent' ? 'start' : 'end'} events: remove it`,
          );
        }
      }
      scope.starts.eventSubProcessStartIds = eventSubProcessStarts(errors, process, scope.id);
      checkLinks(errors, process, scope.id);
    }
  }
}

function validateSubProcess(
  errors: ModelErrors,
  process: CompiledProcess,
  scope: Extract<CompiledElement, { kind: 'subProcess' }>,
) {
  const starts = startsOf(process, scope.id);
  if (scope.triggeredByEvent) {
    if (scope.incoming.length > 0 || scope.outgoing.length > 0) {
      errors.add(
        scope,
        'event sub-process has sequence flows: remove them (it is started by its start event)',
      );
    }
    const start = starts[0];
    if (starts.length !== 1 || start === undefined || start.eventDefinition.type === 'none') {
      errors.add(
        scope,
        'event sub-process needs exactly one start event with a trigger (message, timer, signal, error or escalation): fix its start events',
      );
    } else if (start.eventDefinition.type === 'error' && !start.interrupting) {
      errors.add(start, 'error start event must be interrupting: make it interrupting');
    }
  } else {
    const none = starts.filter((s) => s.eventDefinition.type === 'none');
    if (none.length !== 1 || starts.length !== 1) {
      errors.add(
        scope,
        `embedded sub-process needs exactly one none start event (found ${starts.length} start events): keep one start event without a trigger`,
      );
    }
    if (none[0] !== undefined) scope.starts.none = none[0].id;
  }
  scope.starts.eventSubProcessStartIds = eventSubProcessStarts(errors, process, scope.id);
  checkLinks(errors, process, scope.id);
}

function startsOf(process: CompiledProcess, scopeId: string): StartEvent[] {
  return childrenOf(process, scopeId).filter((e): e is StartEvent => e.kind === 'startEvent');
}

function eventSubProcessStarts(
  errors: ModelErrors,
  process: CompiledProcess,
  scopeId: string,
): string[] {
  const ids: string[] = [];
  for (const child of childrenOf(process, scopeId)) {
    if (child.kind !== 'subProcess' || !child.triggeredByEvent) continue;
    const starts = startsOf(process, child.id);
    ids.push(...starts.map((s) => s.id));
    checkUniqueMessageNames(
      errors,
      process,
      starts.filter((s) => s.eventDefinition.type === 'message').map((s) => s.id),
    );
  }
  return ids;
}

function checkUniqueMessageNames(errors: ModelErrors, process: CompiledProcess, ids: string[]) {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const start = process.elements[id];
    if (start?.kind !== 'startEvent' || start.eventDefinition.type !== 'message') continue;
    const name = start.eventDefinition.messageName;
    if (name.kind !== 'static') continue;
    const other = seen.get(name.value);
    if (other !== undefined) {
      errors.add(
        start,
        `message start event uses message '${name.value}' like '${other}': each message start event needs its own message`,
      );
    }
    seen.set(name.value, id);
  }
}

function checkLinks(errors: ModelErrors, process: CompiledProcess, scopeId: string) {
  const catches = new Map<string, string>();
  const throws: CompiledElement[] = [];
  for (const element of childrenOf(process, scopeId)) {
    if (!('eventDefinition' in element) || element.eventDefinition.type !== 'link') continue;
    if (element.kind === 'intermediateCatchEvent') {
      const name = element.eventDefinition.linkName;
      if (catches.has(name))
        errors.add(
          element,
          `link catch event name '${name}' is used twice in this scope: make it unique`,
        );
      catches.set(name, element.id);
    } else throws.push(element);
  }
  for (const element of throws) {
    if (!('eventDefinition' in element) || element.eventDefinition.type !== 'link') continue;
    if (!catches.has(element.eventDefinition.linkName)) {
      errors.add(
        element,
        `link throw event '${element.eventDefinition.linkName}' has no link catch event with that name in the same scope: add one`,
      );
    }
  }
}
