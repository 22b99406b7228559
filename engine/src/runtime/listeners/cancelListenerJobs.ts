import { ValueType } from '../../log/EngineEvent';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';

/** An element that is terminated no longer waits for its listeners: their jobs are canceled. */
export function cancelListenerJobs(life: Lifecycle, instance: ElementInstanceRow): void {
  for (const job of life.ctx.state.jobs.filter(
    (j) => j.elementInstanceKey === instance.key && j.record.kind !== 'BPMN_ELEMENT',
  )) {
    life.ctx.emit(ValueType.Job, 'CANCELED', job.key, { row: job }, job.processInstanceKey);
  }
}
