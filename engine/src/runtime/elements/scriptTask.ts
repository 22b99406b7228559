import { evaluateFeel } from '../../feel/evaluateFeel';
import type { ScriptTask } from '../../model/CompiledProcess';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { visibleVariables } from '../variables/variables';
import { jobTask } from './jobTask';

/** A script task evaluates its FEEL expression into the result variable, or waits for a job. */
export const scriptTask: ElementBehaviour<ScriptTask> = {
  async prepare(life, element, instance) {
    if (!element.script) return jobTask.prepare!(life, element, instance);
    await Promise.resolve();
    const result = evaluateFeel(
      element.script.expression,
      visibleVariables(life.ctx, instance.key),
    );
    if (!result.ok) {
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', result.message, 'activate');
      return { ok: false };
    }
    return { ok: true, data: result.value };
  },
  activated(life, element, instance, data) {
    if (!element.script) return jobTask.activated!(life, element, instance, data);
    life.push({
      op: 'complete',
      key: instance.key,
      variables: { [element.script.resultVariable]: data },
    });
  },
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
