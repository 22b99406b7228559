import { ValueType } from '../../log/EngineEvent';
import type { ElementInstanceRow, IncidentErrorType, IncidentRow } from '../../state/rows';
import type { CommandContext } from '../context/CommandContext';

/**
 * Raises an incident on an element instance: the element stops where it is until an
 * operator resolves the incident, which runs `retry` again.
 */
export function raiseIncident(
  ctx: CommandContext,
  instance: ElementInstanceRow,
  errorType: IncidentErrorType,
  errorMessage: string,
  retry: IncidentRow['record']['retry'],
  jobKey: number | null = null,
): IncidentRow {
  const row: IncidentRow = {
    key: ctx.nextKey(),
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    jobKey,
    errorType,
    state: 'ACTIVE',
    createdAt: ctx.now(),
    record: {
      errorMessage,
      elementId: instance.elementId,
      bpmnProcessId: instance.record.bpmnProcessId,
      processDefinitionKey: instance.record.processDefinitionKey,
      retry,
    },
  };
  ctx.emit(ValueType.Incident, 'CREATED', row.key, { row }, row.processInstanceKey);
  return row;
}

/** Resolves the open incidents of an element instance (it is being terminated). */
export function resolveIncidentsOf(ctx: CommandContext, elementInstanceKey: number): void {
  for (const incident of ctx.state.incidents.filter(
    (i) => i.elementInstanceKey === elementInstanceKey,
  )) {
    ctx.emit(
      ValueType.Incident,
      'RESOLVED',
      incident.key,
      { row: incident },
      incident.processInstanceKey,
    );
  }
}
