/**
 * A compiled DMN 1.3 decision requirements graph (one .dmn resource): plain JSON that the
 * engine stores with the deployed version and evaluates without re-reading the XML.
 * Expressions are FEEL source text, checked for syntax at deploy.
 */
export interface CompiledDrg {
  id: string;
  name?: string;
  /** Every decision of the graph by id. */
  decisions: Record<string, CompiledDecision>;
}

export interface CompiledDecision {
  id: string;
  name?: string;
  /** zeebe:versionTag on the decision, for the versionTag binding. */
  versionTag?: string;
  /** Decisions this one needs (informationRequirement/requiredDecision), evaluated first. */
  requiredDecisionIds: string[];
  logic: DecisionTable | LiteralExpression;
}

export const HitPolicy = {
  Unique: 'UNIQUE',
  First: 'FIRST',
  Priority: 'PRIORITY',
  Any: 'ANY',
  Collect: 'COLLECT',
  RuleOrder: 'RULE ORDER',
  OutputOrder: 'OUTPUT ORDER',
} as const;
export type HitPolicy = (typeof HitPolicy)[keyof typeof HitPolicy];

export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTable {
  kind: 'decisionTable';
  hitPolicy: HitPolicy;
  /** Only with COLLECT. */
  aggregation?: Aggregation;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

export interface TableInput {
  id: string;
  label?: string;
  /** FEEL expression whose value the input entries test. */
  expression: string;
}

export interface TableOutput {
  id: string;
  /** The key of this output in a result context (required with more than one output). */
  name?: string;
  label?: string;
  /** outputValues, evaluated at deploy: their order ranks results for PRIORITY / OUTPUT ORDER. */
  values?: unknown[];
}

export interface TableRule {
  id: string;
  /** FEEL unary tests, one per input ('-' matches anything). */
  inputEntries: string[];
  /** FEEL expressions, one per output ('' gives null). */
  outputEntries: string[];
}

export interface LiteralExpression {
  kind: 'literalExpression';
  /** FEEL expression. */
  expression: string;
  /** The decision's variable name, if it differs from the decision id. */
  variableName?: string;
}
