import type { CompiledElement } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import type { Lifecycle } from './Lifecycle';

export type Prepared =
  | {
      ok: true;
      data?: unknown;
      /** Fields the element instance's record takes on ELEMENT_ACTIVATED. */
      record?: Partial<ElementInstanceRow['record']>;
    }
  | { ok: false };

/**
 * What one kind of element does at each step of the shared lifecycle. Every hook is
 * optional: a pass-through element (manual task, none event) needs none.
 */
export interface ElementBehaviour<E extends CompiledElement = CompiledElement> {
  /**
   * Before ELEMENT_ACTIVATED: evaluate what may fail (job type, conditions). On failure raise
   * an incident (with retry 'activate') and return { ok: false }.
   */
  prepare?(life: Lifecycle, element: E, instance: ElementInstanceRow): Prepared | Promise<Prepared>;
  /** After ELEMENT_ACTIVATED: start the work. Without this hook the element completes at once. */
  activated?(
    life: Lifecycle,
    element: E,
    instance: ElementInstanceRow,
    data: unknown,
  ): void | Promise<void>;
  /** Before ELEMENT_COMPLETED (after output mappings); false after raising an incident. */
  completing?(life: Lifecycle, element: E, instance: ElementInstanceRow): boolean;
  /** After ELEMENT_COMPLETED: leave the element. Without it, every outgoing flow is taken. */
  completed?(life: Lifecycle, element: E, instance: ElementInstanceRow): void;
  /** A scope: an element directly inside it completed (before the scope checks whether it is done). */
  childCompleted?(
    life: Lifecycle,
    element: E,
    instance: ElementInstanceRow,
    child: ElementInstanceRow,
  ): void;
  /**
   * A scope: an element directly inside it is about to complete (its local variables still
   * exist); false after raising an incident on the child, which holds the child's completion.
   */
  childCompleting?(
    life: Lifecycle,
    element: E,
    instance: ElementInstanceRow,
    child: ElementInstanceRow,
  ): boolean;
  /** A scope with nothing left inside that still must not complete (it waits for a worker). */
  holdsCompletion?(life: Lifecycle, element: E, instance: ElementInstanceRow): boolean;
  /** On ELEMENT_TERMINATING: cancel what the element waits for (job, user task). */
  /**
   * true: the element holds its termination (canceling task listeners) and pushes
   * 'terminated' itself once they are done.
   */
  terminating?(life: Lifecycle, element: E, instance: ElementInstanceRow): void | boolean;
}
