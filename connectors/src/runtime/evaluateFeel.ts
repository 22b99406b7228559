import { evaluate } from '@bpmn-io/feelin';
import { connectorError } from './ConnectorError';

/**
 * Evaluates a FEEL expression as written in a model. Zeebe marks expressions with a leading
 * `=`, which feelin does not understand (it returns undefined silently), so it is stripped.
 * A syntax error is a modelling mistake: it becomes a non-retryable `Expression` error.
 */
export function evaluateFeel(
  expression: string,
  context: Record<string, unknown>,
  what: string,
): unknown {
  const source = expression.trim().replace(/^=/, '');
  try {
    return evaluate(source, context).value;
  } catch (error) {
    throw connectorError(
      'Expression',
      `The ${what} "${source}" is not valid FEEL: ${(error as Error).message}. Fix the expression in the model.`,
      { cause: error },
    );
  }
}

/** `bpmnError(code, message)` as Camunda's connectors offer it inside `errorExpression`. */
export function bpmnErrorFunction(
  code: unknown,
  message: unknown,
  variables?: unknown,
): { bpmnError: { code: unknown; message: unknown; variables: unknown } } {
  return { bpmnError: { code, message: message ?? null, variables: variables ?? null } };
}
