import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import type { CompiledElement, Listener, ListenerEventType } from '../../model/CompiledProcess';
import type { ElementInstanceRow, JobRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import { createJob } from '../jobs/jobBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { MULTI_INSTANCE_BODY } from '../multiInstance/multiInstanceBody';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables/variables';

/**
 * The execution listeners of an element instance for one event, in model order. A
 * multi-instance activity runs its listeners for each inner instance, not for the body.
 */
export function executionListenersOf(
  life: Lifecycle,
  instance: ElementInstanceRow,
  eventType: ListenerEventType,
): Listener[] {
  if (instance.elementType === MULTI_INSTANCE_BODY) return [];
  const listeners =
    instance.elementType === 'PROCESS'
      ? life.processOf(instance).executionListeners
      : (life.element(instance)?.executionListeners ?? []);
  return listeners.filter((l) => l.eventType === eventType);
}

/**
 * Creates the job of the listener at `index` (the element waits for it, ACTIVATING for start
 * listeners, COMPLETING for end listeners). True while the element waits — for the job, or
 * for an incident when the listener's type or retries cannot be evaluated (resolving it runs
 * all listeners of this event again, as in Zeebe) — false when no listener is left.
 */
export function runExecutionListener(
  life: Lifecycle,
  instance: ElementInstanceRow,
  eventType: ListenerEventType,
  index: number,
): boolean {
  const listener = executionListenersOf(life, instance, eventType)[index];
  if (!listener) return false;
  const retry = eventType === 'start' ? 'activate' : 'complete';
  const variables = visibleVariables(life.ctx, instance.key);
  const type = evaluateStaticOrFeel(listener.type, variables, 'string');
  const retries = type.ok ? evaluateStaticOrFeel(listener.retries, variables, 'number') : type;
  if (!type.ok || !retries.ok) {
    const message = !type.ok ? type.message : !retries.ok ? retries.message : '';
    raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', message, retry);
    return true;
  }
  const element = instance.elementType === 'PROCESS' ? undefined : life.element(instance);
  createJob(
    life,
    instance,
    { type: type.value, retries: retries.value, headers: headersOf(element) },
    { kind: 'EXECUTION_LISTENER', listenerEventType: eventType, listenerIndex: index },
  );
  return true;
}

/**
 * An execution listener's job was completed: its variables are applied (start: local to the
 * element; end: propagated to the parent scope like output mappings) and the next listener
 * runs, or the element goes on.
 */
export function executionListenerCompleted(
  life: Lifecycle,
  job: JobRow,
  variables: Record<string, unknown>,
): void {
  const instance = life.instance(job.elementInstanceKey);
  if (!instance) return;
  const eventType = job.record.listenerEventType === 'end' ? 'end' : 'start';
  if (Object.keys(variables).length > 0) {
    if (eventType === 'start' || instance.flowScopeKey === null) {
      setLocalVariables(life.ctx, instance.key, instance.processInstanceKey, variables);
    } else {
      propagateVariables(life.ctx, instance.flowScopeKey, instance.processInstanceKey, variables);
    }
  }
  const next = (job.record.listenerIndex ?? 0) + 1;
  if (!runExecutionListener(life, instance, eventType, next)) {
    life.push({ op: 'listenersDone', key: instance.key, eventType });
  }
}

function headersOf(element: CompiledElement | undefined): Record<string, string> {
  return element && 'job' in element && element.job ? element.job.headers : {};
}
