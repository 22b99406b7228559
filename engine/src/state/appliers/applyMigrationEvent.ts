import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { ElementInstanceRow } from '../rows';

interface ElementMigrated {
  elementInstanceKey: number;
  elementId: string;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  /** Catch event ids of the subscriptions the element keeps: source id → target id. */
  renamed: Record<string, string>;
  /** A scope's tokens at joining gateways, with target gateway and flow ids. */
  joins?: ElementInstanceRow['record']['joins'];
}

/**
 * ELEMENT_MIGRATED: an element instance (or the process instance) now belongs to the target
 * definition, and so do its jobs, user tasks, incidents and kept subscriptions.
 */
export function applyMigrationEvent(state: EngineState, event: EngineEvent): void {
  if (event.intent !== 'ELEMENT_MIGRATED') return;
  const v = event.value as unknown as ElementMigrated;
  const key = v.elementInstanceKey;
  const owned = <R extends { elementInstanceKey: number | null }>(rows: R[]) =>
    rows.filter((r) => r.elementInstanceKey === key);
  const rename = (id: string) => v.renamed[id] ?? id;
  const definition = {
    bpmnProcessId: v.bpmnProcessId,
    processDefinitionKey: v.processDefinitionKey,
  };

  const element = state.elementInstances.get(key)!;
  state.elementInstances.update(key, {
    elementId: v.elementId,
    record: {
      ...element.record,
      ...definition,
      version: v.version,
      ...(v.joins ? { joins: v.joins } : {}),
    },
  });
  if (element.flowScopeKey === null) {
    state.processInstances.update(key, {
      processKey: v.processDefinitionKey,
      bpmnProcessId: v.bpmnProcessId,
      version: v.version,
    });
  }
  for (const job of owned(state.jobs.filter(() => true))) {
    state.jobs.update(job.key, {
      record: {
        ...job.record,
        ...definition,
        processDefinitionVersion: v.version,
        elementId: v.elementId,
      },
    });
  }
  for (const task of owned(state.userTasks.filter(() => true))) {
    state.userTasks.update(task.key, {
      record: {
        ...task.record,
        ...definition,
        processDefinitionVersion: v.version,
        elementId: v.elementId,
      },
    });
  }
  for (const incident of owned(state.incidents.filter(() => true))) {
    state.incidents.update(incident.key, {
      record: { ...incident.record, ...definition, elementId: v.elementId },
    });
  }
  for (const timer of owned(state.timers.filter(() => true))) {
    state.timers.update(timer.key, {
      processDefinitionKey: v.processDefinitionKey,
      record: {
        ...timer.record,
        bpmnProcessId: v.bpmnProcessId,
        targetElementId: rename(timer.record.targetElementId),
      },
    });
  }
  for (const sub of owned(state.messageSubscriptions.filter(() => true))) {
    state.messageSubscriptions.update(sub.key, {
      record: {
        ...sub.record,
        bpmnProcessId: v.bpmnProcessId,
        elementId: rename(sub.record.elementId),
      },
    });
  }
  const signals = state.stores.signalSubscriptions;
  for (const sub of owned(signals.filter(() => true))) {
    signals.update(sub.key, {
      processDefinitionKey: v.processDefinitionKey,
      record: {
        ...sub.record,
        bpmnProcessId: v.bpmnProcessId,
        elementId: rename(sub.record.elementId),
      },
    });
  }
}
