import type { IntermediateThrowEvent } from '../../model/CompiledProcess';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { jobTask } from './jobTask';

/** Intermediate throw events: none passes; message throw is a job. Others come with the next engine issue. */
export const throwEvent: ElementBehaviour<IntermediateThrowEvent> = {
  prepare(life, element, instance) {
    if (element.job) return jobTask.prepare!(life, element, instance);
    const type = element.eventDefinition.type;
    if (type === 'none') return { ok: true };
    raiseIncident(
      life.ctx,
      instance,
      'UNKNOWN',
      `Expected to throw a ${type} event at '${element.id}', but ${type} throw events are not supported by this engine version yet.`,
      'activate',
    );
    return { ok: false };
  },
  activated(life, element, instance, data) {
    if (element.job) return jobTask.activated!(life, element, instance, data);
    life.push({ op: 'complete', key: instance.key });
  },
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
