import type { ElementRecordValue } from '../../state/appliers/applyElementEvent';
import type { ElementInstanceRow } from '../../state/rows';
import type { CommandContext } from '../context/CommandContext';

export type ElRecordValue = ElementRecordValue;

/** The PROCESS_INSTANCE record value of an element instance, in Zeebe's field names. */
export function elementRecord(
  ctx: CommandContext,
  instance: ElementInstanceRow,
): ElementRecordValue {
  const process = ctx.state.processInstances.get(instance.processInstanceKey);
  return {
    bpmnProcessId: instance.record.bpmnProcessId,
    processDefinitionKey: instance.record.processDefinitionKey,
    version: instance.record.version,
    processInstanceKey: instance.processInstanceKey,
    elementId: instance.elementId,
    bpmnElementType: instance.elementType,
    flowScopeKey: instance.flowScopeKey ?? -1,
    parentProcessInstanceKey: process?.parentInstanceKey ?? -1,
    parentElementInstanceKey: process?.parentElementInstanceKey ?? -1,
  };
}

export function processRecord(
  ctx: CommandContext,
  instance: ElementInstanceRow,
): ElementRecordValue {
  return elementRecord(ctx, instance);
}
