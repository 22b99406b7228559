import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { dmn, dmnDecision, type TableSpec } from '../../testing/dmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

const rule = (id: string, decisionId: string, resultVariable: string, ext = '', inner = '') =>
  `<bpmn:businessRuleTask id="${id}"><bpmn:extensionElements><zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" ${ext} />${inner}</bpmn:extensionElements></bpmn:businessRuleTask>`;

/** start → the given business rule tasks in a row → end. */
const chain = (processId: string, tasks: string[]) => {
  const ids = tasks.map((t) => /id="([^"]+)"/.exec(t)![1]!);
  const path = ['s', ...ids, 'e'];
  return bpmn(
    processId,
    [el.start('s'), ...tasks, el.end('e')],
    path.slice(1).map((target, i) => [path[i]!, target] as [string, string]),
  );
};

const fees = (hitPolicy: TableSpec['hitPolicy'], aggregation?: TableSpec['aggregation']) =>
  dmnDecision.table(
    `fee_${(hitPolicy ?? 'UNIQUE').replace(' ', '_')}${aggregation ? `_${aggregation}` : ''}`,
    {
      hitPolicy,
      ...(aggregation ? { aggregation } : {}),
      inputs: ['age'],
      outputs: [{ name: 'fee', values: '10, 30, 0' }],
      rules: [
        [['< 18'], ['0']],
        [['>= 18'], ['30']],
        [['>= 65'], ['10']],
      ],
    },
  );

async function decisionEvents(t: TestEngine, processInstanceKey: number) {
  return (await t.events(processInstanceKey)).filter((e) => e.valueType === 'DECISION_EVALUATION');
}

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

  it('should raise CALLED_DECISION_ERROR for an unknown decision and evaluate once it is deployed and resolved', async () => {
    // given
    const { t } = ctx;
    await t.deploy({ name: 'p.bpmn', xml: chain('p', [rule('check', 'eligibility', 'eligible')]) });
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'p',
      variables: { age: 20 },
    });
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'CALLED_DECISION_ERROR',
      elementId: 'check',
      message:
        "Expected to evaluate decision 'eligibility', but no decision found for id 'eligibility'. Deploy the DMN and resolve the incident.",
    });

    // when
    await t.deploy({
      name: 'e.dmn',
      xml: dmn('e', [dmnDecision.literal('eligibility', 'age >= 18')]),
    });
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ eligible: true });
  });

  it('should log a failed evaluation and raise DECISION_EVALUATION_ERROR naming the decision and rules', async () => {
    // given
    const { t } = ctx;
    await t.deploy(
      { name: 'fees.dmn', xml: dmn('fees', [fees('UNIQUE')]) },
      { name: 'p.bpmn', xml: chain('p', [rule('fee', 'fee_UNIQUE', 'fee')]) },
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'p',
      variables: { age: 70 },
    });

    // then
    const message =
      "Expected to evaluate decision 'fee_UNIQUE', but hit policy UNIQUE allows one matching rule, but rules 'fee_UNIQUE_r2' (row 2), 'fee_UNIQUE_r3' (row 3) matched";
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'DECISION_EVALUATION_ERROR',
      elementId: 'fee',
      message,
    });
    const [failed] = await decisionEvents(t, processInstanceKey);
    expect(failed).toMatchObject({
      intent: 'FAILED',
      value: {
        decisionId: 'fee_UNIQUE',
        failedDecisionId: 'fee_UNIQUE',
        evaluationFailureMessage: message,
      },
    });
    expect(await t.elementTrail(processInstanceKey)).not.toContain('fee:ELEMENT_ACTIVATED');

    // when the data is corrected and the incident resolved, the decision is evaluated again
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { age: 40 },
      local: true,
    });
    await t.engine.resolveIncident(incident!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ fee: 30 });
    expect((await decisionEvents(t, processInstanceKey)).map((e) => e.intent)).toEqual([
      'FAILED',
      'EVALUATED',
    ]);
  });

  it('should version DRGs and decisions, and bind by latest, deployment and version tag', async () => {
    // given: v1 (tag "2025") with the process, then v2 (tag "2026") alone
    const { t } = ctx;
    const tariff = (amount: number, tag: string) =>
      dmn('tariffs', [dmnDecision.literal('tariff', String(amount), { versionTag: tag })]);
    const process = bpmn(
      'p',
      [
        el.start('s'),
        rule('latest', 'tariff', 'latest'),
        rule('same', 'tariff', 'same', 'bindingType="deployment"'),
        rule('tagged', 'tariff', 'tagged', 'bindingType="versionTag" versionTag="2025"'),
        el.end('e'),
      ],
      [
        ['s', 'latest'],
        ['latest', 'same'],
        ['same', 'tagged'],
        ['tagged', 'e'],
      ],
    );
    const first = await t.deploy(
      { name: 't.dmn', xml: tariff(10, '2025') },
      { name: 'p.bpmn', xml: process },
    );
    const second = await t.deploy({ name: 't.dmn', xml: tariff(20, '2026') });
    const again = await t.deploy({ name: 't.dmn', xml: tariff(20, '2026') });

    // then: versions
    expect(first.decisionRequirements).toMatchObject([
      { decisionRequirementsId: 'tariffs', version: 1, isNew: true },
    ]);
    expect(second.decisions).toMatchObject([
      { decisionId: 'tariff', version: 2, versionTag: '2026', isNew: true },
    ]);
    expect(again.decisions).toMatchObject([
      { decisionId: 'tariff', version: 2, key: second.decisions[0]!.key, isNew: false },
    ]);

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'p' });

    // then: bindings
    expect(await t.finalVariables(processInstanceKey)).toEqual({
      latest: 20,
      same: 10,
      tagged: 10,
    });
  });

  it('should refuse an invalid DMN at deploy, naming the resource, decision and rule', async () => {
    // given
    const { t } = ctx;
    const broken = dmn('checks', [
      dmnDecision.table('age_check', {
        inputs: ['age'],
        outputs: ['ok'],
        rules: [
          [['>= 18'], ['true']],
          [['< 18 +'], ['false']],
        ],
      }),
    ]);

    // when
    const failure = t.deploy(
      { name: 'checks.dmn', xml: broken },
      { name: 'p.bpmn', xml: chain('p', [rule('check', 'age_check', 'ok')]) },
    );

    // then: nothing of the deployment is kept
    await expect(failure).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      message: expect.stringMatching(
        /^Expected to deploy new resources, but encountered the following errors:\n'checks\.dmn':\n- age_check: rule 'age_check_r2' \(row 2\): input entry '< 18 \+' for input 1 'age' is not a valid FEEL unary test/,
      ),
    });
    const kept = await t.db.query(
      'select 1 from engine_process union all select 1 from engine_decision',
    );
    expect(kept.rows).toHaveLength(0);
  });

  it('should refuse a decision id that already belongs to another DRG', async () => {
    // given
    const { t } = ctx;
    await t.deploy({ name: 'a.dmn', xml: dmn('a', [dmnDecision.literal('shared', '1')]) });

    // when / then
    await expect(
      t.deploy({ name: 'b.dmn', xml: dmn('b', [dmnDecision.literal('shared', '2')]) }),
    ).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      message: expect.stringContaining(
        "Expected to deploy 'b.dmn', but decision 'shared' is already deployed in decision requirements graph 'a'.",
      ),
    });
  });

  it('should evaluate a decision outside any instance (EvaluateDecision) by id and by key', async () => {
    // given
    const { t } = ctx;
    const deployed = await t.deploy({ name: 'fees.dmn', xml: dmn('fees', [fees('UNIQUE')]) });

    // when
    const byId = await t.engine.evaluateDecision({
      decisionId: 'fee_UNIQUE',
      variables: { age: 30 },
    });
    const byKey = await t.engine.evaluateDecision({
      decisionKey: deployed.decisions[0]!.key,
      variables: { age: 70 },
    });

    // then
    expect(byId).toMatchObject({ decisionOutput: '30', failedDecisionId: '', decisionVersion: 1 });
    expect(byKey).toMatchObject({ decisionOutput: 'null', failedDecisionId: 'fee_UNIQUE' });
    expect(byKey.evaluationFailureMessage).toContain('hit policy UNIQUE allows one matching rule');
    const logged = (await t.events()).filter((e) => e.valueType === 'DECISION_EVALUATION');
    expect(logged.map((e) => [e.key, e.intent])).toEqual([
      [byId.evaluationKey, 'EVALUATED'],
      [byKey.evaluationKey, 'FAILED'],
    ]);
    await expect(
      t.engine.evaluateDecision({ decisionId: 'nope', variables: {} }),
    ).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
    });
  });
});
