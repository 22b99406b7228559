import { describe, expect, it } from 'vitest';
import { dmn, dmnDecision, type TableSpec } from '../testing/dmn';
import type { CompiledDrg } from './CompiledDrg';
import { evaluateDecision } from './evaluateDecision';
import { parseDmn } from './parseDmn';

async function compile(...decisions: string[]): Promise<CompiledDrg> {
  const parsed = await parseDmn(dmn('drg', decisions), 'test.dmn');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.drg;
}

const table = (spec: TableSpec) => compile(dmnDecision.table('d', spec));

// Three rules over an age: the second and third overlap for 65+.
const ageRules = (hitPolicy: TableSpec['hitPolicy'], aggregation?: TableSpec['aggregation']) =>
  table({
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs: ['age'],
    outputs: [{ name: 'fee', values: '30, 10, 0' }],
    rules: [
      [['< 18'], ['0']],
      [['>= 18'], ['30']],
      [['>= 65'], ['10']],
    ],
  });

describe('evaluateDecision', () => {
  describe('hit policies', () => {
    it('should give the one matching row with UNIQUE, and null when none matches', async () => {
      const drg = await table({
        inputs: ['season'],
        outputs: ['dish'],
        rules: [
          [['"Fall"'], ['"Spareribs"']],
          [['"Winter"'], ['"Roastbeef"']],
        ],
      });
      expect(evaluateDecision(drg, 'd', { season: 'Winter' })).toMatchObject({
        ok: true,
        output: 'Roastbeef',
      });
      expect(evaluateDecision(drg, 'd', { season: 'Summer' })).toMatchObject({
        ok: true,
        output: null,
      });
    });

    it('should fail UNIQUE when two rules match, naming both rules', async () => {
      const result = evaluateDecision(await ageRules('UNIQUE'), 'd', { age: 70 });
      expect(result).toMatchObject({ ok: false, failedDecisionId: 'd' });
      expect(!result.ok && result.message).toBe(
        "Expected to evaluate decision 'd', but hit policy UNIQUE allows one matching rule, but rules 'd_r2' (row 2), 'd_r3' (row 3) matched",
      );
    });

    it('should take the first matching rule with FIRST', async () => {
      const result = evaluateDecision(await ageRules('FIRST'), 'd', { age: 70 });
      expect(result).toMatchObject({ ok: true, output: 30 });
      expect(result.evaluatedDecisions[0]?.matchedRules.map((r) => r.ruleId)).toEqual(['d_r2']);
    });

    it('should rank by output values with PRIORITY and OUTPUT ORDER', async () => {
      const drg = await table({
        hitPolicy: 'PRIORITY',
        inputs: ['age'],
        outputs: [{ name: 'fee', values: '10, 30, 0' }],
        rules: [
          [['< 18'], ['0']],
          [['>= 18'], ['30']],
          [['>= 65'], ['10']],
        ],
      });
      expect(evaluateDecision(drg, 'd', { age: 70 })).toMatchObject({ ok: true, output: 10 });
      expect(evaluateDecision(await ageRules('OUTPUT ORDER'), 'd', { age: 70 })).toMatchObject({
        ok: true,
        output: [30, 10],
      });
    });

    it('should accept overlapping rules with ANY only when they agree', async () => {
      const drg = await table({
        hitPolicy: 'ANY',
        inputs: ['age', 'resident'],
        outputs: ['fee'],
        rules: [
          [['>= 65', '-'], ['0']],
          [['-', 'false'], ['0']],
          [['< 65', 'true'], ['30']],
        ],
      });
      expect(evaluateDecision(drg, 'd', { age: 70, resident: false })).toMatchObject({
        ok: true,
        output: 0,
      });
      const differing = await ageRules('ANY');
      const result = evaluateDecision(differing, 'd', { age: 70 });
      expect(!result.ok && result.message).toContain(
        "hit policy ANY needs every matching rule to give the same output, but rules 'd_r2' (row 2), 'd_r3' (row 3) differ",
      );
    });

    it('should list rows with COLLECT and RULE ORDER, and aggregate with SUM, MIN, MAX, COUNT', async () => {
      expect(evaluateDecision(await ageRules('COLLECT'), 'd', { age: 70 })).toMatchObject({
        output: [30, 10],
      });
      expect(evaluateDecision(await ageRules('RULE ORDER'), 'd', { age: 70 })).toMatchObject({
        output: [30, 10],
      });
      expect(evaluateDecision(await ageRules('COLLECT', 'SUM'), 'd', { age: 70 })).toMatchObject({
        output: 40,
      });
      expect(evaluateDecision(await ageRules('COLLECT', 'MIN'), 'd', { age: 70 })).toMatchObject({
        output: 10,
      });
      expect(evaluateDecision(await ageRules('COLLECT', 'MAX'), 'd', { age: 70 })).toMatchObject({
        output: 30,
      });
      expect(evaluateDecision(await ageRules('COLLECT', 'COUNT'), 'd', { age: 70 })).toMatchObject({
        output: 2,
      });
      expect(evaluateDecision(await ageRules('COLLECT', 'COUNT'), 'd', { age: 10 })).toMatchObject({
        output: 1,
      });
      expect(evaluateDecision(await ageRules('COLLECT'), 'd', { age: null })).toMatchObject({
        output: [],
      });
    });
  });

  it('should refuse to SUM what is not a number, and compare strings for MIN', async () => {
    const words = (aggregation: TableSpec['aggregation']) =>
      table({
        hitPolicy: 'COLLECT',
        aggregation,
        inputs: [],
        outputs: ['word'],
        rules: [
          [[], ['"pear"']],
          [[], ['"apple"']],
        ],
      });
    const sum = evaluateDecision(await words('SUM'), 'd', {});
    expect(!sum.ok && sum.message).toBe(
      'Expected to evaluate decision \'d\', but aggregation SUM needs numbers, but the matching rules gave ["pear","apple"]',
    );
    expect(evaluateDecision(await words('MIN'), 'd', {})).toMatchObject({
      ok: true,
      output: 'apple',
    });
  });

  it('should give a context per row with several outputs', async () => {
    const drg = await table({
      hitPolicy: 'COLLECT',
      inputs: ['amount'],
      outputs: ['fee', 'currency'],
      rules: [
        [['> 100'], ['amount * 0.1', '"MOP"']],
        [['-'], ['5', '"MOP"']],
      ],
    });
    expect(evaluateDecision(drg, 'd', { amount: 200 })).toMatchObject({
      ok: true,
      output: [
        { fee: 20, currency: 'MOP' },
        { fee: 5, currency: 'MOP' },
      ],
    });
  });

  it('should test input entries as FEEL unary tests (ranges, lists, negation, ?)', async () => {
    const drg = await table({
      hitPolicy: 'FIRST',
      inputs: ['kind', 'age'],
      outputs: ['rule'],
      rules: [
        [['not("child", "minor")', '[18..64]'], ['"adult"']],
        [['"child","minor"', '-'], ['"young"']],
        [['-', '? > limit'], ['"over"']],
      ],
    });
    expect(evaluateDecision(drg, 'd', { kind: 'person', age: 30 })).toMatchObject({
      output: 'adult',
    });
    expect(evaluateDecision(drg, 'd', { kind: 'minor', age: 30 })).toMatchObject({
      output: 'young',
    });
    expect(evaluateDecision(drg, 'd', { kind: 'x', age: 70, limit: 65 })).toMatchObject({
      output: 'over',
    });
    expect(evaluateDecision(drg, 'd', { kind: 'x', age: 70, limit: 99 })).toMatchObject({
      output: null,
    });
  });

  it('should record evaluated inputs and matched rules with their outputs', async () => {
    const result = evaluateDecision(await ageRules('FIRST'), 'd', { age: 12 });
    expect(result.evaluatedDecisions).toEqual([
      {
        decisionId: 'd',
        decisionName: 'd',
        decisionType: 'DECISION_TABLE',
        output: 0,
        evaluatedInputs: [{ inputId: 'd_i1', inputName: 'age', inputValue: 12 }],
        matchedRules: [
          {
            ruleId: 'd_r1',
            ruleIndex: 1,
            evaluatedOutputs: [{ outputId: 'd_o1', outputName: 'fee', outputValue: 0 }],
          },
        ],
      },
    ]);
  });

  it('should evaluate a literal expression', async () => {
    const drg = await compile(dmnDecision.literal('greeting', '"Olá " + name'));
    expect(evaluateDecision(drg, 'greeting', { name: 'Ana' })).toMatchObject({
      ok: true,
      output: 'Olá Ana',
      evaluatedDecisions: [{ decisionType: 'LITERAL_EXPRESSION', output: 'Olá Ana' }],
    });
  });

  it('should evaluate required decisions first and give their results by decision id', async () => {
    const drg = await compile(
      dmnDecision.table('fee', {
        inputs: ['category', 'discount'],
        outputs: ['fee'],
        rules: [
          [['"senior"', '-'], ['100 - discount']],
          [['"adult"', '-'], ['200 - discount']],
        ],
        requires: ['category', 'discount'],
      }),
      dmnDecision.table('category', {
        hitPolicy: 'FIRST',
        inputs: ['age'],
        outputs: ['category'],
        rules: [
          [['>= 65'], ['"senior"']],
          [['-'], ['"adult"']],
        ],
      }),
      dmnDecision.literal('discount', 'if resident then 50 else 0', { requires: ['category'] }),
    );
    const result = evaluateDecision(drg, 'fee', { age: 70, resident: true });
    expect(result).toMatchObject({ ok: true, output: 50 });
    expect(result.evaluatedDecisions.map((d) => d.decisionId)).toEqual([
      'category',
      'discount',
      'fee',
    ]);
  });

  it('should name the failed required decision and keep what was evaluated before', async () => {
    const drg = await compile(
      dmnDecision.literal('top', 'base + 1', { requires: ['base'] }),
      dmnDecision.table('base', {
        inputs: ['x'],
        outputs: ['v'],
        rules: [
          [['> 0'], ['1']],
          [['> 1'], ['2']],
        ],
      }),
    );
    const result = evaluateDecision(drg, 'top', { x: 5 });
    expect(result).toMatchObject({
      ok: false,
      failedDecisionId: 'base',
      evaluatedDecisions: [{ decisionId: 'base', evaluatedInputs: [{ inputValue: 5 }] }],
    });
    expect(!result.ok && result.message).toMatch(
      /^Expected to evaluate decision 'top', but hit policy UNIQUE .* \(in required decision 'base'\)$/,
    );
  });

  it('should say when the decision is not in the graph', async () => {
    const drg = await compile(dmnDecision.literal('a', '1'));
    expect(evaluateDecision(drg, 'b', {})).toMatchObject({ ok: false, failedDecisionId: 'b' });
  });
});
