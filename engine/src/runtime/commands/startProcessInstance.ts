import { ElementIntent, ValueType } from '../../log/EngineEvent';
import type { ElementInstanceRow, ProcessInstanceRow } from '../../state/rows';
import type { ProcessDefinition } from '../context/Definitions';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { runExecutionListener } from '../listeners/executionListeners';
import { setLocalVariables } from '../variables/variables';

export interface StartOptions {
  startElementId: string;
  variables: Record<string, unknown>;
  startLock?: { bpmnProcessId: string; correlationKey: string };
  /** A caller waits for the result (possibly on another node: the end is announced). */
  awaitResult?: boolean;
  /** A call activity called this instance; it belongs to the caller's instance tree. */
  parent?: { processInstanceKey: number; elementInstanceKey: number; rootKey: number };
}

/** Activates a new process instance and its start event; returns the instance key. */
export function startProcessInstance(
  life: Lifecycle,
  definition: ProcessDefinition,
  options: StartOptions,
): number {
  const ctx = life.ctx;
  const key = ctx.nextKey();
  const instance: ProcessInstanceRow = {
    key,
    rootKey: options.parent?.rootKey ?? key,
    processKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    state: 'ACTIVE',
    parentInstanceKey: options.parent?.processInstanceKey ?? null,
    parentElementInstanceKey: options.parent?.elementInstanceKey ?? null,
    hasIncident: false,
    startAt: ctx.now(),
    endAt: null,
  };
  const element: ElementInstanceRow = {
    key,
    processInstanceKey: key,
    flowScopeKey: null,
    elementId: definition.bpmnProcessId,
    elementType: 'PROCESS',
    state: ElementIntent.Activating,
    record: {
      bpmnProcessId: definition.bpmnProcessId,
      processDefinitionKey: definition.key,
      version: definition.version,
      ...(options.startLock ? { startLock: options.startLock } : {}),
      ...(options.awaitResult ? { awaitResult: true } : {}),
      ...(definition.process.executionListeners.some((l) => l.eventType === 'start')
        ? { startElementId: options.startElementId }
        : {}),
    },
  };
  ctx.emit(
    ValueType.ProcessInstance,
    ElementIntent.Activating,
    key,
    {
      bpmnProcessId: definition.bpmnProcessId,
      processDefinitionKey: definition.key,
      version: definition.version,
      processInstanceKey: key,
      elementId: definition.bpmnProcessId,
      bpmnElementType: 'PROCESS',
      flowScopeKey: -1,
      parentProcessInstanceKey: options.parent?.processInstanceKey ?? -1,
      parentElementInstanceKey: options.parent?.elementInstanceKey ?? -1,
      instance,
      record: element.record,
    },
    key,
  );
  setLocalVariables(ctx, key, key, options.variables);
  // The process's start execution listeners run before its start event.
  if (!runExecutionListener(life, life.instance(key)!, 'start', 0)) {
    enterProcess(life, key, options.startElementId);
  }
  return key;
}

/** The process instance is ACTIVATED and enters its start event. */
export function enterProcess(life: Lifecycle, key: number, startElementId: string): void {
  const instance = life.instance(key)!;
  life.emitElement(ElementIntent.Activated, instance);
  life.push({ op: 'openEventSubProcesses', key });
  life.push({
    op: 'activate',
    definitionKey: instance.record.processDefinitionKey,
    processInstanceKey: key,
    elementId: startElementId,
    flowScopeKey: key,
    consumedFlowIds: [],
  });
}
