import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import type { Expression } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { throwSignal } from '../commands/signalCommands';
import { raiseIncident } from '../incidents/raiseIncident';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { visibleVariables } from '../variables/variables';

/** Throws the signal of a throw or end event; false (after an incident) when its name fails. */
export function sendSignal(
  life: Lifecycle,
  instance: ElementInstanceRow,
  name: Expression,
): boolean {
  const signalName = evaluateStaticOrFeel(name, visibleVariables(life.ctx, instance.key), 'string');
  if (!signalName.ok) {
    raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', signalName.message, 'none');
    return false;
  }
  throwSignal(life, signalName.value, {});
  return true;
}
