import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { dmn, dmnDecision } from '../../testing/dmn';
import { chain, decisionEvents, fees, rule } from './decisionFixtures';
import { useTestEngine } from './harness';

describe(`business rule tasks with DMN decisions (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should evaluate the called decision table into the result variable, with the evaluation in the log', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'dish.dmn',
        xml: dmn('dinner', [
          dmnDecision.table('dish', {
            name: 'Dish',
            inputs: ['season', 'guests'],
            outputs: ['dish'],
            rules: [
              [['"Fall"', '<= 8'], ['"Spareribs"']],
              [['"Winter"', '<= 8'], ['"Roastbeef"']],
              [['-', '> 8'], ['"Stew"']],
            ],
          }),
        ]),
      },
      { name: 'dinner.bpmn', xml: chain('dinner', [rule('decide', 'dish', 'meal')]) },
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'dinner',
      variables: { season: 'Winter', guests: 4 },
    });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ meal: 'Roastbeef' });
    expect(await t.elementTrail(processInstanceKey)).toEqual([
      'dinner:ELEMENT_ACTIVATING',
      'dinner:ELEMENT_ACTIVATED',
      's:ELEMENT_ACTIVATING',
      's:ELEMENT_ACTIVATED',
      's:ELEMENT_COMPLETING',
      's:ELEMENT_COMPLETED',
      'Flow_1_s_decide:SEQUENCE_FLOW_TAKEN',
      'decide:ELEMENT_ACTIVATING',
      'decide:ELEMENT_ACTIVATED',
      'decide:ELEMENT_COMPLETING',
      'decide:ELEMENT_COMPLETED',
      'Flow_2_decide_e:SEQUENCE_FLOW_TAKEN',
      'e:ELEMENT_ACTIVATING',
      'e:ELEMENT_ACTIVATED',
      'e:ELEMENT_COMPLETING',
      'e:ELEMENT_COMPLETED',
      'dinner:ELEMENT_COMPLETING',
      'dinner:ELEMENT_COMPLETED',
    ]);
    const events = await t.events(processInstanceKey);
    const order = events.map((e) => `${e.valueType}:${e.intent}:${e.value.elementId as string}`);
    const evaluated = order.indexOf('DECISION_EVALUATION:EVALUATED:decide');
    expect(evaluated).toBeGreaterThan(order.indexOf('PROCESS_INSTANCE:ELEMENT_ACTIVATING:decide'));
    expect(evaluated).toBeLessThan(order.indexOf('PROCESS_INSTANCE:ELEMENT_ACTIVATED:decide'));
    const [evaluation] = await decisionEvents(t, processInstanceKey);
    expect(evaluation!.value).toMatchObject({
      decisionId: 'dish',
      decisionName: 'Dish',
      decisionVersion: 1,
      decisionType: 'DECISION_TABLE',
      decisionRequirementsId: 'dinner',
      decisionOutput: '"Roastbeef"',
      bpmnProcessId: 'dinner',
      elementId: 'decide',
      evaluatedDecisions: [
        {
          decisionId: 'dish',
          evaluatedInputs: [
            { inputId: 'dish_i1', inputName: 'season', inputValue: '"Winter"' },
            { inputId: 'dish_i2', inputName: 'guests', inputValue: '4' },
          ],
          matchedRules: [
            {
              ruleId: 'dish_r2',
              ruleIndex: 2,
              evaluatedOutputs: [
                { outputId: 'dish_o1', outputName: 'dish', outputValue: '"Roastbeef"' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('should apply every hit policy and COLLECT aggregation, and literal expressions', async () => {
    // given: one DRG, one process calling each decision in turn
    const { t } = ctx;
    const decisions = [
      fees('FIRST'),
      fees('PRIORITY'),
      fees('ANY'),
      fees('COLLECT'),
      fees('COLLECT', 'SUM'),
      fees('COLLECT', 'MIN'),
      fees('COLLECT', 'MAX'),
      fees('COLLECT', 'COUNT'),
      fees('RULE ORDER'),
      fees('OUTPUT ORDER'),
      dmnDecision.literal('label', '"fee for " + string(age)'),
    ];
    const ids = decisions.map((d) => /decision id="([^"]+)"/.exec(d)![1]!);
    await t.deploy(
      { name: 'fees.dmn', xml: dmn('fees', decisions) },
      {
        name: 'fees.bpmn',
        xml: chain(
          'fees',
          ids.map((id) => rule(`t_${id}`, id, id)),
        ),
      },
    );

    // when: 70 matches rules 2 (30) and 3 (10); ANY disagrees and raises an incident
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'fees',
      variables: { age: 70 },
    });
    const [anyIncident] = await t.incidents(processInstanceKey);
    expect(anyIncident).toMatchObject({
      errorType: 'DECISION_EVALUATION_ERROR',
      elementId: 't_fee_ANY',
    });
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { age: 12 },
      local: true,
    });
    await t.engine.resolveIncident(anyIncident!.key);

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toEqual({
      age: 12,
      fee_FIRST: 30,
      fee_PRIORITY: 10,
      fee_ANY: 0,
      fee_COLLECT: [0],
      fee_COLLECT_SUM: 0,
      fee_COLLECT_MIN: 0,
      fee_COLLECT_MAX: 0,
      fee_COLLECT_COUNT: 1,
      fee_RULE_ORDER: [0],
      fee_OUTPUT_ORDER: [0],
      label: 'fee for 12',
    });
  });

  it('should give COLLECT, RULE ORDER and OUTPUT ORDER lists and aggregates over several matches', async () => {
    // given
    const { t } = ctx;
    const decisions = [
      fees('COLLECT'),
      fees('COLLECT', 'SUM'),
      fees('COLLECT', 'MIN'),
      fees('COLLECT', 'MAX'),
      fees('COLLECT', 'COUNT'),
      fees('RULE ORDER'),
      fees('OUTPUT ORDER'),
      fees('FIRST'),
      fees('PRIORITY'),
    ];
    const ids = decisions.map((d) => /decision id="([^"]+)"/.exec(d)![1]!);
    await t.deploy(
      { name: 'fees.dmn', xml: dmn('fees', decisions) },
      {
        name: 'fees.bpmn',
        xml: chain(
          'fees',
          ids.map((id) => rule(`t_${id}`, id, id)),
        ),
      },
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'fees',
      variables: { age: 70 },
    });

    // then
    expect(await t.finalVariables(processInstanceKey)).toEqual({
      age: 70,
      fee_COLLECT: [30, 10],
      fee_COLLECT_SUM: 40,
      fee_COLLECT_MIN: 10,
      fee_COLLECT_MAX: 30,
      fee_COLLECT_COUNT: 2,
      fee_RULE_ORDER: [30, 10],
      fee_OUTPUT_ORDER: [10, 30],
      fee_FIRST: 30,
      fee_PRIORITY: 10,
    });
  });

  it('should evaluate required decisions first and offer their results by decision id', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'licence.dmn',
        xml: dmn('licence', [
          dmnDecision.table('licenceFee', {
            inputs: ['applicantCategory', 'discount'],
            outputs: ['fee', 'currency'],
            rules: [
              [
                ['"senior"', '-'],
                ['100 - discount', '"MOP"'],
              ],
              [
                ['"adult"', '-'],
                ['200 - discount', '"MOP"'],
              ],
            ],
            requires: ['applicantCategory', 'discount'],
          }),
          dmnDecision.table('applicantCategory', {
            hitPolicy: 'FIRST',
            inputs: ['age'],
            outputs: ['category'],
            rules: [
              [['>= 65'], ['"senior"']],
              [['-'], ['"adult"']],
            ],
          }),
          dmnDecision.literal('discount', 'if resident then 50 else 0'),
        ]),
      },
      { name: 'licence.bpmn', xml: chain('licence', [rule('price', 'licenceFee', 'price')]) },
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'licence',
      variables: { age: 70, resident: true },
    });

    // then
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({
      price: { fee: 50, currency: 'MOP' },
    });
    const [evaluation] = await decisionEvents(t, processInstanceKey);
    const evaluated = evaluation!.value.evaluatedDecisions as {
      decisionId: string;
      decisionOutput: string;
      decisionKey: number;
    }[];
    expect(evaluated.map((d) => [d.decisionId, d.decisionOutput])).toEqual([
      ['applicantCategory', '"senior"'],
      ['discount', '50'],
      ['licenceFee', '{"fee":50,"currency":"MOP"}'],
    ]);
    expect(evaluated.every((d) => d.decisionKey > 0)).toBe(true);
  });

  it('should find the decision by a FEEL decision id and keep the result local with output mappings', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      {
        name: 'rates.dmn',
        xml: dmn('rates', [
          dmnDecision.literal('rate_MO', '0.05'),
          dmnDecision.literal('rate_HK', '0.1'),
        ]),
      },
      {
        name: 'rates.bpmn',
        xml: chain('rates', [
          rule(
            'rate',
            '= &quot;rate_&quot; + region',
            'rate',
            '',
            '<zeebe:ioMapping><zeebe:output source="= rate * amount" target="tax" /></zeebe:ioMapping>',
          ),
        ]),
      },
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'rates',
      variables: { region: 'HK', amount: 300 },
    });

    // then
    expect(await t.finalVariables(processInstanceKey)).toEqual({
      region: 'HK',
      amount: 300,
      tax: 30,
    });
  });
});
