import type { CompiledProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { bpmnElementType } from '../lifecycle/Lifecycle';
import { reject } from './EngineRejection';

type Joins = NonNullable<ElementInstanceRow['record']['joins']>;

/**
 * The tokens waiting at joining gateways of a scope, renamed for the target process (Zeebe's
 * rules): each such gateway must be mapped to a gateway of the same type with at least as many
 * incoming flows, and each taken flow must become an incoming flow of it (by a mapping
 * instruction, or by keeping its id). Throws a rejection naming what cannot be mapped.
 */
export function migrateJoins(
  scope: ElementInstanceRow,
  source: CompiledProcess,
  target: CompiledProcess,
  mapping: Map<string, string>,
  what: string,
): Joins | undefined {
  const joins = scope.record.joins;
  if (!joins || Object.keys(joins).length === 0) return undefined;
  const migrated: Joins = {};
  for (const [gatewayId, taken] of Object.entries(joins)) {
    const to = mapping.get(gatewayId);
    const from = source.elements[gatewayId]!;
    const into = to === undefined ? undefined : target.elements[to];
    if (!into) {
      throw reject.invalidArgument(
        `${what}, but the joining gateway '${gatewayId}' has taken incoming sequence flows and no mapping instruction. Map it to the joining gateway of the target process.`,
      );
    }
    if (bpmnElementType(from) !== bpmnElementType(into)) {
      throw reject.invalidArgument(
        `${what}, but the joining gateway '${gatewayId}' (${bpmnElementType(from)}) is mapped to '${into.id}', which has a different type (${bpmnElementType(into)}). Map it to a gateway of the same type.`,
      );
    }
    if (into.incoming.length < from.incoming.length) {
      throw reject.invalidArgument(
        `${what}, but the joining gateway '${gatewayId}' is mapped to '${into.id}', which has fewer incoming sequence flows (${into.incoming.length}) than it (${from.incoming.length}). The target gateway needs at least as many.`,
      );
    }
    const flows: Record<string, number> = {};
    for (const [flowId, count] of Object.entries(taken)) {
      const targetFlow = mapping.get(flowId) ?? flowId;
      if (!into.incoming.includes(targetFlow)) {
        throw reject.invalidArgument(
          `${what}, but the taken sequence flow '${flowId}' of the joining gateway '${gatewayId}' is not mapped to an incoming sequence flow of '${into.id}'. Map it to one of ${into.incoming.map((f) => `'${f}'`).join(', ')}.`,
        );
      }
      flows[targetFlow] = (flows[targetFlow] ?? 0) + count;
    }
    migrated[into.id] = flows;
  }
  return migrated;
}
