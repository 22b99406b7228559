import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from '../lifecycle/Lifecycle';

/** The enclosing scope; from a called process, the call activity that called it. */
export function outerScope(
  life: Lifecycle,
  instance: ElementInstanceRow,
): ElementInstanceRow | undefined {
  if (instance.flowScopeKey !== null) return life.instance(instance.flowScopeKey);
  const process = life.ctx.state.processInstances.get(instance.key);
  return process?.parentElementInstanceKey
    ? life.instance(process.parentElementInstanceKey)
    : undefined;
}

/** Whether an element instance is a scope that can hold event sub-processes. */
export function isScope(instance: ElementInstanceRow): boolean {
  return (
    instance.elementType === 'PROCESS' ||
    instance.elementType === 'SUB_PROCESS' ||
    instance.elementType === 'EVENT_SUB_PROCESS'
  );
}

/** The catch event for a code: an exact match wins over a catch-all (no code). */
export function bestCatch<T>(
  candidates: T[],
  code: string,
  codeOf: (c: T) => string | undefined,
): T | undefined {
  return (
    candidates.find((c) => codeOf(c) === code) ?? candidates.find((c) => codeOf(c) === undefined)
  );
}
