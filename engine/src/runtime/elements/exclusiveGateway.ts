import { evaluateCondition } from '../../feel/evaluateFeel';
import type { ExclusiveGateway, InclusiveGateway } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour, Prepared } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { takeFlow } from '../lifecycle/takeFlow';
import { visibleVariables } from '../variables/variables';

/** Takes the first outgoing flow whose condition holds, else the default flow. */
export const exclusiveGateway: ElementBehaviour<ExclusiveGateway> = {
  prepare: (life, element, instance) => chooseFlows(life, element, instance, 'first'),
  activated: completeWithChosenFlows,
  completed: takeChosenFlows,
};

/** Forks into every outgoing flow whose condition holds (else the default); joins in lifecycle/joins. */
export const inclusiveGateway: ElementBehaviour<InclusiveGateway> = {
  prepare: (life, element, instance) => chooseFlows(life, element, instance, 'all'),
  activated: completeWithChosenFlows,
  completed: takeChosenFlows,
};

function completeWithChosenFlows(
  life: Lifecycle,
  _element: unknown,
  instance: ElementInstanceRow,
  data: unknown,
): void {
  life.push({ op: 'complete', key: instance.key, record: { chosenFlowIds: data as string[] } });
}

function takeChosenFlows(life: Lifecycle, _element: unknown, instance: ElementInstanceRow): void {
  for (const flowId of instance.record.chosenFlowIds ?? []) takeFlow(life, instance, flowId);
}

function chooseFlows(
  life: Lifecycle,
  element: ExclusiveGateway | InclusiveGateway,
  instance: ElementInstanceRow,
  mode: 'first' | 'all',
): Prepared {
  const process = life.processOf(instance);
  // A gateway that only joins (one unconditioned way out) needs no evaluation.
  if (element.outgoing.length === 1 && !process.flows[element.outgoing[0]!]!.condition) {
    return { ok: true, data: element.outgoing };
  }
  const variables = visibleVariables(life.ctx, instance.key);
  const chosen: string[] = [];
  for (const flowId of element.outgoing) {
    const flow = process.flows[flowId]!;
    if (flowId === element.defaultFlowId) continue;
    if (!flow.condition) {
      chosen.push(flowId);
    } else {
      const result = evaluateCondition(flow.condition, variables);
      if (!result.ok) {
        raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', result.message, 'activate');
        return { ok: false };
      }
      if (result.value) chosen.push(flowId);
    }
    if (mode === 'first' && chosen.length > 0) break;
  }
  if (chosen.length === 0 && element.defaultFlowId) chosen.push(element.defaultFlowId);
  if (chosen.length === 0) {
    const kind = element.kind === 'exclusiveGateway' ? 'exclusive' : 'inclusive';
    raiseIncident(
      life.ctx,
      instance,
      'CONDITION_ERROR',
      `Expected at least one condition to evaluate to true, or to have a default flow, but no condition of the ${kind} gateway '${element.id}' was true and it has no default flow. Set variables so that a condition holds (or add a default flow) and resolve the incident.`,
      'activate',
    );
    return { ok: false };
  }
  return { ok: true, data: chosen };
}
