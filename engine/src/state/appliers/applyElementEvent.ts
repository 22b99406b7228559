import { ElementIntent, type EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { ElementInstanceRow, ProcessInstanceRow } from '../rows';

/** The value of PROCESS_INSTANCE records (element lifecycle and sequence flows). */
export interface ElementRecordValue {
  bpmnProcessId: string;
  processDefinitionKey: number;
  version: number;
  processInstanceKey: number;
  elementId: string;
  bpmnElementType: string;
  flowScopeKey: number;
  parentProcessInstanceKey: number;
  parentElementInstanceKey: number;
  /** ACTIVATING: tokens this activation consumes from the flow scope (sequence flow ids). */
  consumedFlowIds?: string[];
  /** ACTIVATING of a process: its instance row. */
  instance?: ProcessInstanceRow;
  /** COMPLETED / TERMINATED of a process started by a message with a correlation key. */
  startLock?: { bpmnProcessId: string; correlationKey: string };
  /** COMPLETED of a terminate end event: its flow scope drops its tokens and starts nothing new. */
  terminateFlowScope?: boolean;
  /** A change to the element instance's record (e.g. an interrupting event, a job key). */
  record?: Partial<ElementInstanceRow['record']>;
}

const SEQUENCE_FLOW = 'SEQUENCE_FLOW';

export function applyElementEvent(state: EngineState, event: EngineEvent): void {
  const v = event.value as unknown as ElementRecordValue;
  const elements = state.elementInstances;
  switch (event.intent) {
    case ElementIntent.Activating: {
      if (v.instance) state.processInstances.put(v.instance);
      elements.put({
        key: event.key,
        processInstanceKey: v.processInstanceKey,
        flowScopeKey: v.flowScopeKey === -1 ? null : v.flowScopeKey,
        elementId: v.elementId,
        elementType: v.bpmnElementType,
        state: ElementIntent.Activating,
        record: {
          bpmnProcessId: v.bpmnProcessId,
          processDefinitionKey: v.processDefinitionKey,
          version: v.version,
          ...v.record,
        },
      });
      consumeTokens(state, v);
      const scope = v.flowScopeKey === -1 ? undefined : elements.get(v.flowScopeKey);
      if (scope?.record.pendingEventSubProcess?.elementId === v.elementId) {
        const record = { ...scope.record };
        delete record.pendingEventSubProcess;
        elements.update(scope.key, { record });
      }
      return;
    }
    case ElementIntent.Activated:
    case ElementIntent.Completing:
    case ElementIntent.Terminating: {
      const row = elements.get(event.key)!;
      elements.update(event.key, {
        state: event.intent,
        record: v.record ? { ...row.record, ...v.record } : row.record,
      });
      return;
    }
    case ElementIntent.Completed:
    case ElementIntent.Terminated: {
      elements.delete(event.key);
      if (v.terminateFlowScope) {
        const scope = elements.get(v.flowScopeKey)!;
        const record = { ...scope.record, activeFlows: 0, terminated: true };
        delete record.joins;
        elements.update(scope.key, { record });
      }
      for (const variable of state.variables.filter((x) => x.scopeKey === event.key))
        state.variables.delete(variable.key);
      if (v.bpmnElementType === 'PROCESS') {
        state.processInstances.update(event.key, {
          state: event.intent === ElementIntent.Completed ? 'COMPLETED' : 'TERMINATED',
          endAt: event.timestamp,
        });
        if (v.startLock)
          state.stores.messageStartLocks.remove({ ...v.startLock, processInstanceKey: event.key });
      }
      return;
    }
    case ElementIntent.ScopeInterrupted: {
      const scope = elements.get(event.key)!;
      const record = {
        ...scope.record,
        activeFlows: 0,
        terminated: true,
        pendingEventSubProcess: v.record!.pendingEventSubProcess!,
      };
      delete record.joins;
      elements.update(scope.key, { record });
      return;
    }
    case ElementIntent.CompletionConditionFulfilled: {
      const scope = elements.get(event.key)!;
      elements.update(scope.key, {
        record: { ...scope.record, completionConditionFulfilled: true },
      });
      return;
    }
    case ElementIntent.SequenceFlowTaken: {
      if (v.bpmnElementType !== SEQUENCE_FLOW) return;
      const scope = elements.get(v.flowScopeKey)!;
      const target = (event.value as { targetJoinGatewayId?: string }).targetJoinGatewayId;
      const joins = target ? addToken(scope.record.joins, target, v.elementId) : scope.record.joins;
      elements.update(scope.key, {
        record: {
          ...scope.record,
          activeFlows: (scope.record.activeFlows ?? 0) + 1,
          ...(joins ? { joins } : {}),
        },
      });
      return;
    }
  }
}

function consumeTokens(state: EngineState, v: ElementRecordValue): void {
  const consumed = v.consumedFlowIds ?? [];
  if (consumed.length === 0) return;
  const scope = state.elementInstances.get(v.flowScopeKey)!;
  let joins = scope.record.joins;
  const waiting = joins?.[v.elementId];
  if (waiting) {
    const left = { ...waiting };
    for (const flowId of consumed) left[flowId] = (left[flowId] ?? 0) - 1;
    for (const [flowId, count] of Object.entries(left)) if (count <= 0) delete left[flowId];
    joins = { ...joins };
    if (Object.keys(left).length === 0) delete joins[v.elementId];
    else joins[v.elementId] = left;
  }
  const record = {
    ...scope.record,
    activeFlows: (scope.record.activeFlows ?? 0) - consumed.length,
  };
  if (joins && Object.keys(joins).length > 0) record.joins = joins;
  else delete record.joins;
  state.elementInstances.update(scope.key, { record });
}

function addToken(
  joins: Record<string, Record<string, number>> | undefined,
  gatewayId: string,
  flowId: string,
): Record<string, Record<string, number>> {
  const gateway = { ...(joins?.[gatewayId] ?? {}) };
  gateway[flowId] = (gateway[flowId] ?? 0) + 1;
  return { ...(joins ?? {}), [gatewayId]: gateway };
}
