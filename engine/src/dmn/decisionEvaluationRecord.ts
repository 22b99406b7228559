import type { DecisionResult } from './DecisionResult';
import type { DecisionVersion } from './findDecision';

/** Where a decision was evaluated from: a business rule task, or nothing (EvaluateDecision). */
export interface EvaluationOrigin {
  bpmnProcessId: string;
  processDefinitionKey: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  elementId: string;
}

export interface DecisionEvaluationValue {
  decisionKey: number;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionType: string;
  decisionRequirementsId: string;
  decisionRequirementsKey: number;
  /** JSON document of the result ('null' after a failure). */
  decisionOutput: string;
  variables: Record<string, unknown>;
  bpmnProcessId: string;
  processDefinitionKey: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  elementId: string;
  evaluatedDecisions: {
    decisionId: string;
    decisionName: string;
    decisionKey: number;
    decisionVersion: number;
    decisionType: string;
    decisionOutput: string;
    evaluatedInputs: { inputId: string; inputName: string; inputValue: string }[];
    matchedRules: {
      ruleId: string;
      ruleIndex: number;
      evaluatedOutputs: { outputId: string; outputName: string; outputValue: string }[];
    }[];
  }[];
  /** '' when the evaluation succeeded. */
  evaluationFailureMessage: string;
  failedDecisionId: string;
  tenantId: string;
}

/**
 * The value of a DECISION_EVALUATION event (EVALUATED or FAILED), shaped like Zeebe's record:
 * outputs and input values are JSON documents as strings.
 */
export function decisionEvaluationRecord(
  decision: DecisionVersion,
  result: DecisionResult,
  variables: Record<string, unknown>,
  origin?: EvaluationOrigin,
): DecisionEvaluationValue {
  return {
    decisionKey: decision.key,
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionType:
      decision.drg.decisions[decision.decisionId]?.logic.kind === 'literalExpression'
        ? 'LITERAL_EXPRESSION'
        : 'DECISION_TABLE',
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: decision.decisionRequirementsKey,
    decisionOutput: result.ok ? JSON.stringify(result.output) : 'null',
    variables,
    bpmnProcessId: origin?.bpmnProcessId ?? '',
    processDefinitionKey: origin?.processDefinitionKey ?? -1,
    processInstanceKey: origin?.processInstanceKey ?? -1,
    elementInstanceKey: origin?.elementInstanceKey ?? -1,
    elementId: origin?.elementId ?? '',
    evaluatedDecisions: result.evaluatedDecisions.map((d) => ({
      decisionId: d.decisionId,
      decisionName: d.decisionName,
      decisionKey: decision.members[d.decisionId]?.key ?? -1,
      decisionVersion: decision.members[d.decisionId]?.version ?? decision.version,
      decisionType: d.decisionType,
      decisionOutput: JSON.stringify(d.output),
      evaluatedInputs: d.evaluatedInputs.map((i) => ({
        inputId: i.inputId,
        inputName: i.inputName,
        inputValue: JSON.stringify(i.inputValue),
      })),
      matchedRules: d.matchedRules.map((r) => ({
        ruleId: r.ruleId,
        ruleIndex: r.ruleIndex,
        evaluatedOutputs: r.evaluatedOutputs.map((o) => ({
          outputId: o.outputId,
          outputName: o.outputName,
          outputValue: JSON.stringify(o.outputValue),
        })),
      })),
    })),
    evaluationFailureMessage: result.ok ? '' : result.message,
    failedDecisionId: result.ok ? '' : result.failedDecisionId,
    tenantId: '<default>',
  };
}
