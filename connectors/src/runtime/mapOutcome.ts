import { connectorError } from './ConnectorError';
import type { ControlHeaders } from './controlHeaders';
import { bpmnErrorFunction, evaluateFeel } from './evaluateFeel';
import type { JobOutcome } from './handleJob';

/**
 * Turns a connector's response into the job outcome the model asked for: `errorExpression`
 * first (a response can be a business error, e.g. a tax status DEBT_OUTSTANDING), then
 * `resultVariable` (the whole response) and `resultExpression` (a FEEL context whose entries
 * become process variables). Without either, nothing is written: a task only shares what the
 * model maps, so input secrets or large responses never leak into variables by default.
 */
export function mapOutcome(response: unknown, headers: ControlHeaders, input: unknown): JobOutcome {
  const context = { input, response };
  if (headers.errorExpression) {
    const result = evaluateFeel(
      headers.errorExpression,
      { ...context, bpmnError: bpmnErrorFunction },
      'error expression',
    );
    const error = readBpmnError(result);
    if (error) return { kind: 'error', ...error };
  }
  const variables: Record<string, unknown> = {};
  if (headers.resultVariable) variables[headers.resultVariable] = response;
  if (headers.resultExpression) {
    const result = evaluateFeel(headers.resultExpression, context, 'result expression');
    if (result !== null && result !== undefined) {
      if (typeof result !== 'object' || Array.isArray(result)) {
        throw connectorError(
          'Expression',
          'The result expression must give a context such as { applicant: response.person }; fix the expression in the model.',
        );
      }
      Object.assign(variables, result);
    }
  }
  return { kind: 'complete', variables };
}

function readBpmnError(
  result: unknown,
): { errorCode: string; errorMessage: string; variables: Record<string, unknown> } | undefined {
  if (result === null || result === undefined || typeof result !== 'object') return undefined;
  const wrapped = (result as { bpmnError?: unknown }).bpmnError ?? result;
  const { code, message, variables } = wrapped as {
    code?: unknown;
    message?: unknown;
    variables?: unknown;
  };
  if (typeof code !== 'string' || code === '') return undefined;
  return {
    errorCode: code,
    errorMessage: typeof message === 'string' ? message : code,
    variables:
      variables !== null && typeof variables === 'object' && !Array.isArray(variables)
        ? (variables as Record<string, unknown>)
        : {},
  };
}
