import { evaluate } from '@bpmn-io/feelin';
import { toJsonValue } from '../feel/toJsonValue';
import type { CompiledDecision, CompiledDrg } from './CompiledDrg';
import type { DecisionResult, EvaluatedDecision } from './DecisionResult';
import { DecisionFailure, evaluateDecisionTable } from './evaluateDecisionTable';

/**
 * Evaluates a decision of a DRG against variables. Required decisions are evaluated first,
 * each once; their results join the context under their decision id (and their variable
 * name, if it differs), so later decisions can use them as inputs.
 */
export function evaluateDecision(
  drg: CompiledDrg,
  decisionId: string,
  variables: Record<string, unknown>,
): DecisionResult {
  const evaluated: EvaluatedDecision[] = [];
  const context: Record<string, unknown> = { ...variables };
  const done = new Set<string>();
  const run = (decision: CompiledDecision): void => {
    if (done.has(decision.id)) return;
    for (const id of decision.requiredDecisionIds) run(drg.decisions[id]!);
    try {
      const result = evaluateOne(decision, context);
      evaluated.push(result);
      context[decision.id] = result.output;
      if (decision.logic.kind === 'literalExpression' && decision.logic.variableName)
        context[decision.logic.variableName] = result.output;
      done.add(decision.id);
    } catch (error) {
      if (!(error instanceof DecisionFailure)) throw error;
      evaluated.push(error.partial);
      throw new FailedIn(decision.id, error.message);
    }
  };
  const root = drg.decisions[decisionId];
  if (!root)
    return {
      ok: false,
      failedDecisionId: decisionId,
      message: `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}' in DRG '${drg.id}'`,
      evaluatedDecisions: [],
    };
  try {
    run(root);
  } catch (error) {
    if (!(error instanceof FailedIn)) throw error;
    const where =
      error.decisionId === decisionId ? '' : ` (in required decision '${error.decisionId}')`;
    return {
      ok: false,
      failedDecisionId: error.decisionId,
      message: `Expected to evaluate decision '${decisionId}', but ${error.message}${where}`,
      evaluatedDecisions: evaluated,
    };
  }
  return {
    ok: true,
    output: evaluated[evaluated.length - 1]!.output,
    evaluatedDecisions: evaluated,
  };
}

function evaluateOne(
  decision: CompiledDecision,
  context: Record<string, unknown>,
): EvaluatedDecision {
  const base = { decisionId: decision.id, decisionName: decision.name ?? decision.id };
  if (decision.logic.kind === 'decisionTable')
    return {
      ...base,
      decisionType: 'DECISION_TABLE',
      ...evaluateDecisionTable(decision.logic, context, base),
    };
  const expression = decision.logic.expression;
  const partial: EvaluatedDecision = {
    ...base,
    decisionType: 'LITERAL_EXPRESSION',
    output: null,
    evaluatedInputs: [],
    matchedRules: [],
  };
  try {
    return { ...partial, output: toJsonValue(evaluate(expression, context).value) };
  } catch (error) {
    throw new DecisionFailure(
      `failed to evaluate expression '${expression}': ${(error as Error).message}`,
      partial,
    );
  }
}

class FailedIn extends Error {
  constructor(
    readonly decisionId: string,
    message: string,
  ) {
    super(message);
  }
}
