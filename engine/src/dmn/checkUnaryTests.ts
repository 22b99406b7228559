import { parseUnaryTests, unaryTest } from '@bpmn-io/feelin';

/**
 * Parses FEEL unary tests (a decision table's input entry) without evaluating them; returns
 * the parser's message when the syntax is wrong, undefined when it is fine.
 */
export function checkUnaryTests(source: string): string | undefined {
  const text = source.trim();
  if (text === '' || text === '-') return undefined;
  let errorAt: number | undefined;
  parseUnaryTests(text, { '?': null }, undefined).iterate({
    enter: (node) => {
      if (errorAt !== undefined) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  if (errorAt === undefined) return undefined;
  return `${describe(text) ?? 'syntax error'} at position ${errorAt + 1}`;
}

// unaryTest parses before it evaluates anything and throws a readable SyntaxError.
function describe(text: string): string | undefined {
  try {
    unaryTest(text, { '?': null });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
