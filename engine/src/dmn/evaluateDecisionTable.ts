import { evaluate, unaryTest } from '@bpmn-io/feelin';
import { toJsonValue, type JsonValue } from '../feel/toJsonValue';
import type { DecisionTable } from './CompiledDrg';
import type { EvaluatedDecision } from './DecisionResult';
import { applyHitPolicy, type MatchedRow } from './applyHitPolicy';

/** A decision failed; `partial` is what was evaluated up to the failure (for the event). */
export class DecisionFailure extends Error {
  constructor(
    message: string,
    readonly partial: EvaluatedDecision,
  ) {
    super(message);
  }
}

type TableResult = Pick<EvaluatedDecision, 'output' | 'evaluatedInputs' | 'matchedRules'>;

/**
 * Evaluates a decision table: the input expressions once, then every rule's input entries as
 * unary tests against them (`?` is the input value); the matching rules' output entries give
 * the rows that the hit policy turns into the result.
 */
export function evaluateDecisionTable(
  table: DecisionTable,
  context: Record<string, unknown>,
  decision: { decisionId: string; decisionName: string },
): TableResult {
  const partial: EvaluatedDecision = {
    ...decision,
    decisionType: 'DECISION_TABLE',
    output: null,
    evaluatedInputs: [],
    matchedRules: [],
  };
  const fail = (message: string) => new DecisionFailure(message, partial);
  const inputValues = table.inputs.map((input) => {
    let value: unknown;
    try {
      value = evaluate(input.expression, context).value;
    } catch (error) {
      throw fail(
        `failed to evaluate expression '${input.expression}' of input '${input.label ?? input.id}': ${(error as Error).message}`,
      );
    }
    partial.evaluatedInputs.push({
      inputId: input.id,
      inputName: input.label ?? input.id,
      inputValue: toJsonValue(value),
    });
    return value;
  });

  const matched: MatchedRow[] = [];
  table.rules.forEach((rule, r) => {
    const matches = rule.inputEntries.every((entry, i) => {
      const text = entry.trim();
      if (text === '' || text === '-') return true;
      try {
        return unaryTest(text, { ...context, '?': inputValues[i] }).value === true;
      } catch (error) {
        throw fail(
          `failed to evaluate input entry '${text}' of rule '${rule.id}' (row ${r + 1}) for input '${table.inputs[i]?.label ?? table.inputs[i]?.id}': ${(error as Error).message}`,
        );
      }
    });
    if (!matches) return;
    const values: JsonValue[] = rule.outputEntries.map((entry, o) => {
      if (entry.trim() === '') return null;
      try {
        return toJsonValue(evaluate(entry, context).value);
      } catch (error) {
        const output = table.outputs[o];
        throw fail(
          `failed to evaluate output entry '${entry}' of rule '${rule.id}' (row ${r + 1}) for output '${output?.name ?? output?.id}': ${(error as Error).message}`,
        );
      }
    });
    matched.push({ ruleId: rule.id, ruleIndex: r + 1, values });
  });

  const { output, selected, problem } = applyHitPolicy(table, matched);
  if (problem) throw fail(problem);
  return {
    output,
    evaluatedInputs: partial.evaluatedInputs,
    matchedRules: selected.map((row) => ({
      ruleId: row.ruleId,
      ruleIndex: row.ruleIndex,
      evaluatedOutputs: table.outputs.map((o, i) => ({
        outputId: o.id,
        outputName: o.name ?? o.id,
        outputValue: row.values[i] ?? null,
      })),
    })),
  };
}
