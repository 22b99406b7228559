import { ElementIntent } from '../../log/EngineEvent';
import type { CompiledProcess } from '../../model/CompiledProcess';
import type { Lifecycle } from './Lifecycle';
import type { Step } from './Step';

/**
 * A token arrived at a joining gateway. A parallel join activates once every incoming flow
 * has a token; an inclusive join once no other token in the scope can still reach it.
 */
export function checkJoin(life: Lifecycle, step: Extract<Step, { op: 'join' }>): void {
  const scope = life.instance(step.flowScopeKey);
  if (!scope || scope.state !== ElementIntent.Activated) return;
  const process = life.ctx.definitions.cached(step.definitionKey).process;
  const gateway = process.elements[step.gatewayId]!;
  const waiting = scope.record.joins?.[gateway.id] ?? {};
  const arrived = gateway.incoming.filter((flowId) => (waiting[flowId] ?? 0) > 0);
  if (arrived.length === 0) return;

  if (gateway.kind === 'parallelGateway') {
    if (arrived.length < gateway.incoming.length) return;
  } else {
    const allWaiting = Object.values(scope.record.joins ?? {}).reduce(
      (sum, flows) => sum + Object.values(flows).reduce((a, b) => a + b, 0),
      0,
    );
    // Tokens on their way (taken flows whose target is not active yet) may still arrive here:
    // look again once they have landed.
    if ((scope.record.activeFlows ?? 0) > allWaiting && life.pending() > 0) {
      life.push(step);
      return;
    }
    if (canStillReach(life, process, step.flowScopeKey, gateway.id)) return;
  }
  life.push({
    op: 'activate',
    definitionKey: step.definitionKey,
    processInstanceKey: step.processInstanceKey,
    elementId: gateway.id,
    flowScopeKey: step.flowScopeKey,
    consumedFlowIds: arrived,
  });
}

/** Whether an active element, or a token waiting at another join, can still reach the gateway. */
function canStillReach(
  life: Lifecycle,
  process: CompiledProcess,
  scopeKey: number,
  gatewayId: string,
): boolean {
  const upstream = upstreamOf(process, gatewayId);
  if (life.children(scopeKey).some((child) => upstream.has(child.elementId))) return true;
  const joins = life.instance(scopeKey)?.record.joins ?? {};
  return Object.keys(joins).some((otherId) => otherId !== gatewayId && upstream.has(otherId));
}

function upstreamOf(process: CompiledProcess, targetId: string): Set<string> {
  const seen = new Set<string>();
  const queue = [targetId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const flowId of process.elements[id]?.incoming ?? []) {
      const source = process.flows[flowId]!.sourceId;
      if (source !== targetId && !seen.has(source)) {
        seen.add(source);
        queue.push(source);
      }
    }
    // A boundary event is reachable whenever its activity is.
    const element = process.elements[id];
    if (element?.kind === 'boundaryEvent' && !seen.has(element.attachedToId)) {
      seen.add(element.attachedToId);
      queue.push(element.attachedToId);
    }
  }
  return seen;
}
