import type { SubProcess } from '../../model/CompiledProcess';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';

/**
 * An embedded sub-process is a scope: it starts at its none start event and completes when
 * nothing inside is active. An event sub-process starts at the start event that triggered it.
 * Its own event sub-processes listen while it is active.
 */
export const subProcess: ElementBehaviour<SubProcess> = {
  activated(life, element, instance) {
    const start = element.triggeredByEvent ? instance.record.triggeredBy : undefined;
    life.push({ op: 'openEventSubProcesses', key: instance.key });
    const startId = start?.elementId ?? element.starts.none;
    if (!startId) return;
    life.push({
      op: 'activate',
      definitionKey: instance.record.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      elementId: startId,
      flowScopeKey: instance.key,
      consumedFlowIds: [],
      variables: start?.variables,
      localVariables: start?.localVariables,
    });
  },
};
