import type { CompiledElement } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour, Prepared } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';

/** What this engine version cannot run yet, said plainly: an incident, never a silent skip. */
export function unsupportedFeature(element: CompiledElement): string | undefined {
  if (element.kind === 'adHocSubProcess' && element.job)
    return 'ad-hoc sub-processes run by a job worker (zeebe:taskDefinition)';
  if (element.kind === 'adHocSubProcess' && element.outputCollection !== undefined)
    return 'output collections of ad-hoc sub-processes (zeebe:adHoc outputCollection)';
  return undefined;
}

export function refuseUnsupported(
  life: Lifecycle,
  element: CompiledElement,
  instance: ElementInstanceRow,
): Prepared | undefined {
  const feature = unsupportedFeature(element);
  if (!feature) return undefined;
  raiseIncident(
    life.ctx,
    instance,
    'UNKNOWN',
    `Expected to run '${element.id}', but ${feature} are not supported by this engine version yet. Change the model (or deploy it to a Camunda 8 cluster) and cancel this instance.`,
    'activate',
  );
  return { ok: false };
}

/** An element kind the engine does not run yet. */
export const unsupported: ElementBehaviour = {
  prepare: (life, element, instance) => refuseUnsupported(life, element, instance) ?? { ok: true },
};
