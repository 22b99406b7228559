import { evaluate, parseExpression } from '@bpmn-io/feelin';

/** Strips the leading '=' that marks an expression in the model. */
export function stripFeelMarker(source: string): string {
  const trimmed = source.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : source.trim();
}

/**
 * Parses a FEEL expression without evaluating it; returns the parser's message when the
 * syntax is wrong, undefined when it is fine. Used at deploy for every expression.
 */
export function checkFeelSyntax(source: string): string | undefined {
  const expression = stripFeelMarker(source);
  if (expression.trim() === '') return 'the expression is empty';
  const tree = parseExpression(expression, {}, undefined);
  let errorAt: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (errorAt !== undefined) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  if (errorAt === undefined) return undefined;
  return `${describeSyntaxError(expression) ?? 'syntax error'} at position ${errorAt + 1}`;
}

// feelin's evaluate parses first and throws its SyntaxError (with a readable message)
// before evaluating anything, so calling it on a broken expression evaluates nothing.
function describeSyntaxError(expression: string): string | undefined {
  try {
    evaluate(expression, {});
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
