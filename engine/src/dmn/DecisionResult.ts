import type { JsonValue } from '../feel/toJsonValue';

export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

/** One decision of a DRG as it was evaluated (Zeebe's EvaluatedDecision, without keys). */
export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: DecisionType;
  output: JsonValue;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: JsonValue }[];
  matchedRules: {
    ruleId: string;
    /** 1-based row of the rule in its table. */
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: JsonValue }[];
  }[];
}

/**
 * The outcome of evaluating a decision with its required decisions. A failure is a value,
 * not an exception: the caller raises an incident or answers the client with it.
 */
export type DecisionResult =
  | { ok: true; output: JsonValue; evaluatedDecisions: EvaluatedDecision[] }
  | {
      ok: false;
      failedDecisionId: string;
      message: string;
      evaluatedDecisions: EvaluatedDecision[];
    };
