import { DefaultEvaluator, jsonLogic, registerEvaluator } from '@formio/core';
import { findUnsafeJsonLogic } from './findUnsafeJsonLogic';

interface JsonLogic {
  apply(logic: unknown, data: unknown): unknown;
}

type EvaluatorOptions = ConstructorParameters<typeof DefaultEvaluator>[0];

/**
 * The only evaluator @formio/core may use in a Balcão process. Form JavaScript (strings in
 * `customConditional`, `validate.custom`, `calculateValue`, …) is never compiled: the server
 * must not run code that came with a form. JSONLogic runs only when every operator is on our
 * allow-list. Interpolation reads data paths only (`{{ data.name }}`), never calls functions.
 */
export class SafeEvaluator extends DefaultEvaluator {
  constructor() {
    super({ noeval: true });
  }

  override evaluator(): () => undefined {
    return () => undefined;
  }

  override evaluate(func: unknown, args: Record<string, unknown> = {}): unknown {
    if (func === null || typeof func !== 'object') return null;
    if (findUnsafeJsonLogic(func) !== undefined) return null;
    try {
      return (jsonLogic as unknown as JsonLogic).apply(func, args);
    } catch {
      return null;
    }
  }

  override execute(): undefined {
    return undefined;
  }

  override interpolate(
    rawTemplate: unknown,
    data: unknown,
    options: EvaluatorOptions = {},
  ): unknown {
    const text = typeof rawTemplate === 'string' ? rawTemplate : '';
    return this.interpolateString(text, data, { ...options, noeval: true });
  }

  override interpolateString(
    rawTemplate: string,
    data: unknown,
    options: EvaluatorOptions = {},
  ): unknown {
    return super.interpolateString(rawTemplate, data, { ...options, noeval: true });
  }
}

const safeEvaluator = new SafeEvaluator();

/**
 * Registers the SafeEvaluator as @formio/core's (global, mutable) evaluator. Called at the
 * start of every validation, so nothing registered elsewhere in the process can slip in.
 */
export function installSafeEvaluator(): void {
  registerEvaluator(safeEvaluator);
}
