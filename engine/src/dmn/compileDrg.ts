import { evaluate } from '@bpmn-io/feelin';
import type { DmnElement } from 'dmn-moddle';
import { checkFeelSyntax } from '../feel/checkFeelSyntax';
import type { ModelErrors } from '../model/ModelError';
import { checkUnaryTests } from './checkUnaryTests';
import {
  HitPolicy,
  type Aggregation,
  type CompiledDecision,
  type CompiledDrg,
  type DecisionTable,
  type LiteralExpression,
  type TableOutput,
} from './CompiledDrg';

const hitPolicies = new Set<string>(Object.values(HitPolicy));
const aggregations = new Set<string>(['SUM', 'MIN', 'MAX', 'COUNT']);

/**
 * Checks a DMN definitions element and compiles its decisions. Every problem is added to
 * `errors`, naming the decision (and rule or input) and what to change.
 */
export function compileDrg(definitions: DmnElement, errors: ModelErrors): CompiledDrg | undefined {
  if (!definitions.id) errors.add(undefined, 'definitions has no id: set the DRG id');
  const decisions: Record<string, CompiledDecision> = {};
  for (const element of list(definitions.drgElement)) {
    if (element.$type !== 'dmn:Decision') continue;
    if (!element.id) {
      errors.add(element, 'decision has no id: set an id (business rule tasks call it by id)');
      continue;
    }
    if (decisions[element.id]) {
      errors.add(element, `decision id '${element.id}' is used twice in this DRG: rename one`);
      continue;
    }
    const decision = compileDecision(element, errors);
    if (decision) decisions[element.id] = decision;
  }
  if (Object.keys(decisions).length === 0 && errors.errors.length === 0)
    errors.add(undefined, 'the DRG has no decision: add a decision table or literal expression');
  checkRequirements(decisions, errors);
  if (errors.errors.length > 0 || !definitions.id) return undefined;
  return {
    id: definitions.id,
    ...(definitions.name ? { name: definitions.name } : {}),
    decisions,
  };
}

function compileDecision(element: DmnElement, errors: ModelErrors): CompiledDecision | undefined {
  const logic = element.decisionLogic as DmnElement | undefined;
  const required = list(element.informationRequirement)
    .map((r) => (r.requiredDecision as { href?: string } | undefined)?.href)
    .filter((href): href is string => typeof href === 'string')
    .map((href) => href.replace(/^#/, ''));
  const versionTag = list((element.extensionElements as DmnElement | undefined)?.values).find(
    (v) => v.$type === 'zeebe:versionTag',
  )?.value;
  let compiled: DecisionTable | LiteralExpression | undefined;
  if (logic?.$type === 'dmn:DecisionTable') compiled = compileTable(element, logic, errors);
  else if (logic?.$type === 'dmn:LiteralExpression')
    compiled = compileLiteral(element, logic, errors);
  else
    errors.add(
      element,
      logic
        ? `decision logic ${logic.$type.replace('dmn:', '')} is not supported: use a decision table or a literal expression`
        : 'decision has no decision logic: add a decision table or a literal expression',
    );
  if (!compiled) return undefined;
  return {
    id: element.id!,
    ...(element.name ? { name: element.name } : {}),
    ...(typeof versionTag === 'string' && versionTag !== '' ? { versionTag } : {}),
    requiredDecisionIds: required,
    logic: compiled,
  };
}

function compileLiteral(
  decision: DmnElement,
  logic: DmnElement,
  errors: ModelErrors,
): LiteralExpression | undefined {
  const expression = text(logic.text);
  const problem = checkFeelSyntax(expression);
  if (problem) {
    errors.add(decision, `literal expression '${expression}' is not valid FEEL: ${problem}`);
    return undefined;
  }
  const variableName = (decision.variable as DmnElement | undefined)?.name;
  return {
    kind: 'literalExpression',
    expression,
    ...(variableName && variableName !== decision.id ? { variableName } : {}),
  };
}

function compileTable(
  decision: DmnElement,
  table: DmnElement,
  errors: ModelErrors,
): DecisionTable | undefined {
  const before = errors.errors.length;
  const hitPolicy = typeof table.hitPolicy === 'string' ? table.hitPolicy : HitPolicy.Unique;
  if (!hitPolicies.has(hitPolicy))
    errors.add(
      decision,
      `hit policy '${hitPolicy}' is unknown: use one of ${[...hitPolicies].join(', ')}`,
    );
  const aggregation = typeof table.aggregation === 'string' ? table.aggregation : undefined;
  if (aggregation !== undefined && !aggregations.has(aggregation))
    errors.add(decision, `aggregation '${aggregation}' is unknown: use SUM, MIN, MAX or COUNT`);
  if (aggregation !== undefined && hitPolicy !== HitPolicy.Collect)
    errors.add(decision, `aggregation ${aggregation} needs hit policy COLLECT, not ${hitPolicy}`);

  const inputs = list(table.input).map((input, i) => {
    const expression = text((input.inputExpression as DmnElement | undefined)?.text);
    const name = describeColumn(input, i, 'input');
    const problem = checkFeelSyntax(expression);
    if (problem)
      errors.add(decision, `${name} has an invalid input expression '${expression}': ${problem}`);
    return {
      id: input.id ?? `input-${i + 1}`,
      ...(typeof input.label === 'string' ? { label: input.label } : {}),
      expression,
    };
  });
  const outputs = list(table.output).map((output, i) => compileOutput(decision, output, i, errors));
  if (outputs.length === 0) errors.add(decision, 'decision table has no output column: add one');
  if (outputs.length > 1) {
    const unnamed = outputs.filter((o) => !o.name).map((o) => o.id);
    if (unnamed.length > 0)
      errors.add(
        decision,
        `outputs ${unnamed.map((id) => `'${id}'`).join(', ')} have no name: with several outputs each needs a name (the key in the result)`,
      );
    if (aggregation !== undefined)
      errors.add(
        decision,
        `aggregation ${aggregation} works on one output, but the table has ${outputs.length}`,
      );
  }
  if (hitPolicy === HitPolicy.Priority || hitPolicy === HitPolicy.OutputOrder) {
    for (const output of outputs.filter((o) => !o.values))
      errors.add(
        decision,
        `hit policy ${hitPolicy} ranks results by output values, but output '${output.name ?? output.id}' has none: list them (outputValues) from highest to lowest priority`,
      );
  }

  const rules = list(table.rule).map((rule, r) => {
    const where = `rule '${rule.id ?? r + 1}' (row ${r + 1})`;
    const inputEntries = list(rule.inputEntry).map((e) => text(e.text));
    const outputEntries = list(rule.outputEntry).map((e) => text(e.text));
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length)
      errors.add(
        decision,
        `${where} has ${inputEntries.length} input and ${outputEntries.length} output entries, but the table has ${inputs.length} inputs and ${outputs.length} outputs`,
      );
    inputEntries.forEach((entry, i) => {
      const problem = checkUnaryTests(entry);
      if (problem)
        errors.add(
          decision,
          `${where}: input entry '${entry}' for ${describeColumn(list(table.input)[i], i, 'input')} is not a valid FEEL unary test: ${problem}`,
        );
    });
    outputEntries.forEach((entry, i) => {
      const problem = entry.trim() === '' ? undefined : checkFeelSyntax(entry);
      if (problem)
        errors.add(
          decision,
          `${where}: output entry '${entry}' for ${describeColumn(list(table.output)[i], i, 'output')} is not valid FEEL: ${problem}`,
        );
    });
    return { id: rule.id ?? `rule-${r + 1}`, inputEntries, outputEntries };
  });
  if (errors.errors.length > before) return undefined;
  return {
    kind: 'decisionTable',
    hitPolicy: hitPolicy as HitPolicy,
    ...(aggregation ? { aggregation: aggregation as Aggregation } : {}),
    inputs,
    outputs,
    rules,
  };
}

function compileOutput(
  decision: DmnElement,
  output: DmnElement,
  index: number,
  errors: ModelErrors,
): TableOutput {
  const valuesText = text((output.outputValues as DmnElement | undefined)?.text);
  let values: unknown[] | undefined;
  if (valuesText.trim() !== '') {
    try {
      const result = evaluate(`[${valuesText}]`, {}).value;
      values = Array.isArray(result) ? (result as unknown[]) : undefined;
    } catch (error) {
      errors.add(
        decision,
        `${describeColumn(output, index, 'output')} has invalid output values '${valuesText}': ${(error as Error).message}`,
      );
    }
  }
  return {
    id: output.id ?? `output-${index + 1}`,
    ...(output.name ? { name: output.name } : {}),
    ...(typeof output.label === 'string' ? { label: output.label } : {}),
    ...(values ? { values } : {}),
  };
}

/** Every required decision exists in the DRG and no decision requires itself, even indirectly. */
function checkRequirements(decisions: Record<string, CompiledDecision>, errors: ModelErrors): void {
  for (const decision of Object.values(decisions)) {
    for (const id of decision.requiredDecisionIds)
      if (!decisions[id])
        errors.add(
          { id: decision.id },
          `requires decision '${id}', which is not in this DRG: add it or remove the requirement`,
        );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done' || !decisions[id]) return;
    if (state.get(id) === 'visiting') {
      errors.add(
        { id },
        `decisions require each other in a cycle (${[...path.slice(path.indexOf(id)), id].join(' → ')}): break the cycle`,
      );
      return;
    }
    state.set(id, 'visiting');
    for (const next of decisions[id].requiredDecisionIds) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of Object.keys(decisions)) visit(id, []);
}

function describeColumn(column: DmnElement | undefined, index: number, kind: string): string {
  const label = column?.label ?? column?.name;
  return `${kind} ${index + 1}${typeof label === 'string' && label !== '' ? ` '${label}'` : ''}`;
}

function list(value: unknown): DmnElement[] {
  return Array.isArray(value) ? (value as DmnElement[]) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
