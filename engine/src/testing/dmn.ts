/**
 * A compact way for tests to write DMN 1.3 as Camunda Modeler saves it: a DRG of decision
 * tables and literal expressions.
 */
export interface TableSpec {
  name?: string;
  hitPolicy?: 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
  aggregation?: 'SUM' | 'MIN' | 'MAX' | 'COUNT';
  /** Input expressions (FEEL). */
  inputs: string[];
  /** Output names, or names with output values (highest priority first, FEEL list items). */
  outputs: (string | { name: string; values: string })[];
  /** [input entries, output entries] per rule; rule ids are `<decision>_r<row>`. */
  rules: [string[], string[]][];
  requires?: string[];
  versionTag?: string;
}

export function dmn(drgId: string, decisions: string[], name = drgId): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${drgId}" name="${xmlEscape(name)}" namespace="http://camunda.org/schema/1.0/dmn">
  ${decisions.join('\n  ')}
</definitions>`;
}

export const dmnDecision = {
  table(id: string, spec: TableSpec): string {
    const inputs = spec.inputs
      .map(
        (expression, i) =>
          `<input id="${id}_i${i + 1}" label="${xmlEscape(expression)}"><inputExpression id="${id}_ie${i + 1}"><text>${xmlEscape(expression)}</text></inputExpression></input>`,
      )
      .join('');
    const outputs = spec.outputs
      .map((output, i) => {
        const name = typeof output === 'string' ? output : output.name;
        const values =
          typeof output === 'string'
            ? ''
            : `<outputValues id="${id}_ov${i + 1}"><text>${xmlEscape(output.values)}</text></outputValues>`;
        return `<output id="${id}_o${i + 1}" name="${xmlEscape(name)}">${values}</output>`;
      })
      .join('');
    const rules = spec.rules
      .map(
        ([ins, outs], r) =>
          `<rule id="${id}_r${r + 1}">${ins.map((t, i) => `<inputEntry id="${id}_r${r + 1}_i${i + 1}"><text>${xmlEscape(t)}</text></inputEntry>`).join('')}${outs.map((t, i) => `<outputEntry id="${id}_r${r + 1}_o${i + 1}"><text>${xmlEscape(t)}</text></outputEntry>`).join('')}</rule>`,
      )
      .join('');
    const policy = spec.hitPolicy ? ` hitPolicy="${spec.hitPolicy}"` : '';
    const aggregation = spec.aggregation ? ` aggregation="${spec.aggregation}"` : '';
    return `<decision id="${id}"${spec.name ? ` name="${xmlEscape(spec.name)}"` : ''}>${head(id, spec.requires, spec.versionTag)}<decisionTable id="${id}_table"${policy}${aggregation}>${inputs}${outputs}${rules}</decisionTable></decision>`;
  },
  literal(
    id: string,
    expression: string,
    options: { requires?: string[]; versionTag?: string; variableName?: string } = {},
  ): string {
    const variable = options.variableName
      ? `<variable id="${id}_v" name="${options.variableName}" />`
      : '';
    return `<decision id="${id}">${head(id, options.requires, options.versionTag, variable)}<literalExpression id="${id}_le"><text>${xmlEscape(expression)}</text></literalExpression></decision>`;
  },
};

function head(id: string, requires: string[] = [], versionTag?: string, variable = ''): string {
  const tag = versionTag
    ? `<extensionElements><zeebe:versionTag value="${xmlEscape(versionTag)}" /></extensionElements>`
    : '';
  const reqs = requires
    .map(
      (r) =>
        `<informationRequirement id="${id}_req_${r}"><requiredDecision href="#${r}" /></informationRequirement>`,
    )
    .join('');
  return tag + variable + reqs;
}

function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
