import { ValueType } from '../log/EngineEvent';
import { reject } from '../runtime/commands/EngineRejection';
import type { CommandContext } from '../runtime/context/CommandContext';
import { decisionEvaluationRecord, type DecisionEvaluationValue } from './decisionEvaluationRecord';
import { decisionByKey, findDecision } from './findDecision';
import { evaluateDecision } from './evaluateDecision';

export interface EvaluateDecisionInput {
  /** The decision version to evaluate; or */
  decisionKey?: number;
  /** the decision id, whose latest version is evaluated. */
  decisionId?: string;
  variables: Record<string, unknown>;
}

export interface DecisionEvaluation extends DecisionEvaluationValue {
  /** The key of the DECISION_EVALUATION event (Zeebe's decisionInstanceKey). */
  evaluationKey: number;
}

/**
 * Zeebe's EvaluateDecision: evaluates a deployed decision outside any process instance and
 * logs it as a DECISION_EVALUATION event. A failed evaluation is an answer (with the failure
 * message and failed decision), not a rejection; an unknown decision is rejected.
 */
export async function evaluateDecisionCommand(
  ctx: CommandContext,
  input: EvaluateDecisionInput,
): Promise<DecisionEvaluation> {
  const byKey = input.decisionKey !== undefined && input.decisionKey > 0;
  const byId = input.decisionId !== undefined && input.decisionId !== '';
  if (byKey === byId)
    throw reject.invalidArgument(
      `Expected either a decision id or a decision key, but ${byKey ? 'both were' : 'none was'} given.`,
    );
  const decision = byKey
    ? await decisionByKey(ctx.tx, ctx.definitions, input.decisionKey!)
    : await findDecision(ctx.tx, ctx.definitions, input.decisionId!);
  if (!decision)
    throw reject.notFound(
      byKey
        ? `Expected to evaluate decision with key '${input.decisionKey}', but no such decision found.`
        : `Expected to evaluate decision '${input.decisionId}', but no decision found for id '${input.decisionId}'. Deploy the DMN first.`,
    );
  const result = evaluateDecision(decision.drg, decision.decisionId, input.variables);
  const value = decisionEvaluationRecord(decision, result, input.variables);
  const key = ctx.nextKey();
  ctx.emit(ValueType.DecisionEvaluation, result.ok ? 'EVALUATED' : 'FAILED', key, { ...value });
  return { ...value, evaluationKey: key };
}
