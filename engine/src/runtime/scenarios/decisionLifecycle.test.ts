import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { dmn, dmnDecision } from '../../testing/dmn';
import { chain, decisionEvents, fees, rule } from './decisionFixtures';
import { useTestEngine } from './harness';

describe(`decisions: incidents, versions, deploy refusals, standalone evaluation (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

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
