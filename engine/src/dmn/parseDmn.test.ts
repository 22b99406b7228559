import { describe, expect, it } from 'vitest';
import { formatModelError } from '../model/ModelError';
import { dmn, dmnDecision } from '../testing/dmn';
import { parseDmn } from './parseDmn';

async function errorsOf(xml: string): Promise<string[]> {
  const parsed = await parseDmn(xml, 'rules.dmn');
  return parsed.ok ? [] : parsed.errors.map(formatModelError);
}

describe('parseDmn', () => {
  it('should compile decisions, requirements, version tags and output values', async () => {
    const parsed = await parseDmn(
      dmn('fees', [
        dmnDecision.table('fee', {
          hitPolicy: 'PRIORITY',
          inputs: ['age'],
          outputs: [{ name: 'fee', values: '0, 30' }],
          rules: [[['-'], ['30']]],
          requires: ['base'],
          versionTag: 'v2',
        }),
        dmnDecision.literal('base', '1', { variableName: 'baseFee' }),
      ]),
      'fees.dmn',
    );
    expect(parsed).toMatchObject({
      ok: true,
      drg: {
        id: 'fees',
        decisions: {
          fee: {
            versionTag: 'v2',
            requiredDecisionIds: ['base'],
            logic: {
              kind: 'decisionTable',
              hitPolicy: 'PRIORITY',
              outputs: [{ name: 'fee', values: [0, 30] }],
            },
          },
          base: { logic: { kind: 'literalExpression', expression: '1', variableName: 'baseFee' } },
        },
      },
    });
  });

  it('should name the decision and rule of every invalid expression', async () => {
    const errors = await errorsOf(
      dmn('bad', [
        dmnDecision.table('risk', {
          inputs: ['age +'],
          outputs: ['level'],
          rules: [[['[1..'], ['"low" +']]],
        }),
        dmnDecision.literal('broken', 'if then'),
      ]),
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^risk: input 1 'age \+' has an invalid input expression 'age \+'/);
    expect(errors[1]).toMatch(
      /^risk: rule 'risk_r1' \(row 1\): input entry '\[1\.\.' for input 1 'age \+' is not a valid FEEL unary test/,
    );
    expect(errors[2]).toMatch(
      /^risk: rule 'risk_r1' \(row 1\): output entry '"low" \+' for output 1 'level' is not valid FEEL/,
    );
    expect(errors[3]).toMatch(/^broken: literal expression 'if then' is not valid FEEL/);
  });

  it('should refuse hit policy and aggregation combinations that cannot be evaluated', async () => {
    const errors = await errorsOf(
      dmn('bad', [
        dmnDecision.table('a', {
          hitPolicy: 'FIRST',
          aggregation: 'SUM',
          inputs: [],
          outputs: ['x'],
          rules: [],
        }),
        dmnDecision.table('b', {
          hitPolicy: 'COLLECT',
          aggregation: 'MAX',
          inputs: [],
          outputs: ['x', 'y'],
          rules: [],
        }),
        dmnDecision.table('c', {
          hitPolicy: 'OUTPUT ORDER',
          inputs: [],
          outputs: ['x'],
          rules: [],
        }),
      ]),
    );
    expect(errors).toEqual([
      'a: aggregation SUM needs hit policy COLLECT, not FIRST',
      'b: aggregation MAX works on one output, but the table has 2',
      "c: hit policy OUTPUT ORDER ranks results by output values, but output 'x' has none: list them (outputValues) from highest to lowest priority",
    ]);
  });

  it('should refuse missing and cyclic requirements', async () => {
    const errors = await errorsOf(
      dmn('bad', [
        dmnDecision.literal('a', '1', { requires: ['b'] }),
        dmnDecision.literal('b', '1', { requires: ['a', 'ghost'] }),
      ]),
    );
    expect(errors).toEqual([
      "b: requires decision 'ghost', which is not in this DRG: add it or remove the requirement",
      'a: decisions require each other in a cycle (a → b → a): break the cycle',
    ]);
  });

  it('should refuse entity declarations, other DMN versions and unknown elements', async () => {
    expect(
      await errorsOf(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>${dmn('x', [dmnDecision.literal('a', '1')])}`,
      ),
    ).toEqual([
      'rules.dmn contains a DOCTYPE or ENTITY declaration, which is not allowed in DMN; remove it',
    ]);
    expect(
      await errorsOf('<definitions xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd" id="x" />'),
    ).toEqual([
      'rules.dmn is not a DMN 1.3 document (namespace https://www.omg.org/spec/DMN/20191111/MODEL/); save it as DMN 1.3, e.g. with Camunda Modeler',
    ]);
    const unknown = await errorsOf(dmn('x', ['<decision id="a"><decisionTabel /></decision>']));
    expect(unknown[0]).toContain('decisionTabel');
  });
});
