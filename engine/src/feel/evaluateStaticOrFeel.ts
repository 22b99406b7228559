import type { Expression } from '../model/CompiledProcess';
import { evaluateFeel, unexpectedTypeMessage } from './evaluateFeel';
import type { JsonValue } from './toJsonValue';

export type ExpectedType = 'string' | 'number' | 'boolean' | 'list-of-strings' | 'any';

interface ExpectedResult {
  string: string;
  number: number;
  boolean: boolean;
  'list-of-strings': string[];
  any: JsonValue;
}

export type StaticOrFeelResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Resolves a property the model may give statically or as FEEL (job type, retries,
 * assignee, candidate groups, …) into the expected type. A static list is comma-separated.
 */
export function evaluateStaticOrFeel<E extends ExpectedType>(
  expression: Expression,
  variables: Record<string, unknown>,
  expected: E,
): StaticOrFeelResult<ExpectedResult[E]> {
  if (expression.kind === 'static') {
    return fromStatic(expression.value, expected) as StaticOrFeelResult<ExpectedResult[E]>;
  }
  const result = evaluateFeel(expression.source, variables);
  if (!result.ok) return result;
  const value = result.value;
  const fail = (typeName: string) => ({
    ok: false as const,
    message: unexpectedTypeMessage(expression.source, typeName, value, result.warnings),
  });
  switch (expected) {
    case 'string':
      return (
        typeof value === 'string' ? { ok: true, value } : fail('STRING')
      ) as StaticOrFeelResult<ExpectedResult[E]>;
    case 'number':
      return (
        typeof value === 'number' ? { ok: true, value } : fail('NUMBER')
      ) as StaticOrFeelResult<ExpectedResult[E]>;
    case 'boolean':
      return (
        typeof value === 'boolean' ? { ok: true, value } : fail('BOOLEAN')
      ) as StaticOrFeelResult<ExpectedResult[E]>;
    case 'list-of-strings':
      return (
        Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? { ok: true, value }
          : fail('ARRAY')
      ) as StaticOrFeelResult<ExpectedResult[E]>;
    default:
      return { ok: true, value } as StaticOrFeelResult<ExpectedResult[E]>;
  }
}

function fromStatic(
  raw: string,
  expected: ExpectedType,
): StaticOrFeelResult<ExpectedResult[ExpectedType]> {
  switch (expected) {
    case 'number': {
      const value = Number(raw.trim());
      return raw.trim() !== '' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: `Expected a number, but got '${raw}'.` };
    }
    case 'boolean': {
      const value = raw.trim().toLowerCase();
      return value === 'true' || value === 'false'
        ? { ok: true, value: value === 'true' }
        : { ok: false, message: `Expected true or false, but got '${raw}'.` };
    }
    case 'list-of-strings':
      return {
        ok: true,
        value: raw
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      };
    default:
      return { ok: true, value: raw };
  }
}
