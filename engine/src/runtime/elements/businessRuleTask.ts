import type { BusinessRuleTask } from '../../model/CompiledProcess';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { jobTask } from './jobTask';

/** A business rule task with a job definition; called decisions (DMN) arrive with the DMN engine. */
export const businessRuleTask: ElementBehaviour<BusinessRuleTask> = {
  prepare(life, element, instance) {
    if (element.job) return jobTask.prepare!(life, element, instance);
    raiseIncident(
      life.ctx,
      instance,
      'CALLED_ELEMENT_ERROR',
      `Expected to evaluate decision for business rule task '${element.id}', but DMN decisions are not supported by this engine version yet. Use a job worker (zeebe:taskDefinition) instead.`,
      'activate',
    );
    return { ok: false };
  },
  activated: (life, element, instance, data) => jobTask.activated!(life, element, instance, data),
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
