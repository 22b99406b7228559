import { ElementIntent, ValueType } from '../../log/EngineEvent';
import type { CompiledElement } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from './Lifecycle';

/** A gateway that waits for tokens from several incoming flows before it activates. */
export function isJoin(element: CompiledElement): boolean {
  return (
    (element.kind === 'parallelGateway' || element.kind === 'inclusiveGateway') &&
    element.incoming.length > 1
  );
}

/** Takes a sequence flow out of `source`: the token goes to the target, or waits at a join. */
export function takeFlow(
  life: Lifecycle,
  source: ElementInstanceRow,
  flowId: string,
  carry: {
    variables?: Record<string, unknown>;
    record?: Partial<ElementInstanceRow['record']>;
  } = {},
): void {
  const process = life.processOf(source);
  const flow = process.flows[flowId]!;
  const target = process.elements[flow.targetId]!;
  const join = isJoin(target);
  const scopeKey = source.flowScopeKey!;
  life.ctx.emit(
    ValueType.ProcessInstance,
    ElementIntent.SequenceFlowTaken,
    life.ctx.nextKey(),
    {
      bpmnProcessId: source.record.bpmnProcessId,
      processDefinitionKey: source.record.processDefinitionKey,
      version: source.record.version,
      processInstanceKey: source.processInstanceKey,
      elementId: flowId,
      bpmnElementType: 'SEQUENCE_FLOW',
      flowScopeKey: scopeKey,
      ...(join ? { targetJoinGatewayId: target.id } : {}),
    },
    source.processInstanceKey,
  );
  const step = {
    definitionKey: source.record.processDefinitionKey,
    processInstanceKey: source.processInstanceKey,
    flowScopeKey: scopeKey,
  };
  if (join) life.push({ op: 'join', ...step, gatewayId: target.id });
  else
    life.push({
      op: 'activate',
      ...step,
      elementId: target.id,
      consumedFlowIds: [flowId],
      ...carry,
    });
}
