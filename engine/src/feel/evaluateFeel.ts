import { evaluate } from '@bpmn-io/feelin';
import { stripFeelMarker } from './checkFeelSyntax';
import { toJsonValue, type JsonValue } from './toJsonValue';

export type FeelResult<T> =
  { ok: true; value: T; warnings: string[] } | { ok: false; message: string };

/**
 * Evaluates a FEEL expression against variables and returns a JSON value. Never throws:
 * a syntax error or an evaluation failure comes back as `{ ok: false, message }`. Like
 * Zeebe, a missing variable evaluates to null (the warning is kept for messages).
 */
export function evaluateFeel(
  source: string,
  variables: Record<string, unknown>,
): FeelResult<JsonValue> {
  const expression = stripFeelMarker(source);
  try {
    const result = evaluate(expression, variables);
    return {
      ok: true,
      value: toJsonValue(result.value),
      warnings: result.warnings.map((w) => `[${w.type}] ${w.message}`),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Failed to evaluate expression '${expression}': ${reason}` };
  }
}

/** Zeebe's names for result types, used in "Expected … but was …" messages. */
export function resultTypeName(value: JsonValue): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return value === undefined
    ? 'NULL'
    : typeof value === 'boolean'
      ? 'BOOLEAN'
      : typeof value === 'number'
        ? 'NUMBER'
        : 'STRING';
}

/** The message Zeebe gives when a result has the wrong type, with the warnings appended. */
export function unexpectedTypeMessage(
  expression: string,
  expected: string,
  value: JsonValue,
  warnings: string[],
): string {
  const base = `Expected result of the expression '${stripFeelMarker(expression)}' to be '${expected}', but was '${resultTypeName(value)}'.`;
  return warnings.length === 0
    ? base
    : `${base} The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}

/** Evaluates a condition (sequence flow, completion condition); non-booleans are failures. */
export function evaluateCondition(
  source: string,
  variables: Record<string, unknown>,
): { ok: true; value: boolean } | { ok: false; message: string } {
  const result = evaluateFeel(source, variables);
  if (!result.ok) return result;
  if (typeof result.value !== 'boolean') {
    return {
      ok: false,
      message: unexpectedTypeMessage(source, 'BOOLEAN', result.value, result.warnings),
    };
  }
  return { ok: true, value: result.value };
}
