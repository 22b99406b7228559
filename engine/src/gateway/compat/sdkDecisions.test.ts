import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Camunda8 } from '@camunda8/sdk';
import type { ZeebeGrpcClient } from '@camunda8/sdk/dist/zeebe';
import { bpmn, el } from '../../testing/bpmn';
import { dmn, dmnDecision } from '../../testing/dmn';
import { camundaSdk } from './camundaSdk';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

const fees = dmn(
  'fees',
  [
    dmnDecision.table('fee', {
      name: 'Fee',
      inputs: ['category'],
      outputs: ['fee'],
      rules: [
        [['"senior"'], ['10']],
        [['"adult"'], ['30']],
        [['"adult","child"'], ['99']],
      ],
      requires: ['category'],
    }),
    dmnDecision.table('category', {
      hitPolicy: 'FIRST',
      inputs: ['age'],
      outputs: ['category'],
      rules: [
        [['>= 65'], ['"senior"']],
        [['>= 18'], ['"adult"']],
        [['-'], ['"child"']],
      ],
    }),
  ],
  'Fees',
);

const licence = bpmn(
  'licence',
  [
    el.start('s'),
    '<bpmn:businessRuleTask id="price"><bpmn:extensionElements><zeebe:calledDecision decisionId="category" resultVariable="category" /></bpmn:extensionElements></bpmn:businessRuleTask>',
    el.end('e'),
  ],
  [
    ['s', 'price'],
    ['price', 'e'],
  ],
);

describe('Camunda 8 SDK: DMN deployment and EvaluateDecision', { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let camunda: Camunda8;
  let zeebe: ZeebeGrpcClient;

  beforeEach(async () => {
    gateway = await startTestGateway();
    camunda = camundaSdk(gateway);
    zeebe = camunda.getZeebeGrpcApiClient();
  }, 60_000);

  afterEach(async () => {
    await zeebe.close(1000);
    await gateway.close();
  }, 60_000);

  it('should deploy a DMN beside a BPMN and run its business rule task', async () => {
    // when
    const deployed = await zeebe.deployResources([
      { name: 'fees.dmn', decision: Buffer.from(fees) },
      { name: 'licence.bpmn', process: Buffer.from(licence) },
    ]);
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'licence',
      variables: { age: 70 },
      requestTimeout: 20_000,
    });

    // then
    const deployments = deployed.deployments as Record<string, Record<string, unknown>>[];
    expect(deployments.find((d) => d.decisionRequirements)?.decisionRequirements).toMatchObject({
      dmnDecisionRequirementsId: 'fees',
      dmnDecisionRequirementsName: 'Fees',
      version: 1,
      resourceName: 'fees.dmn',
    });
    expect(
      deployments
        .filter((d) => d.decision)
        .map((d) => [d.decision!.dmnDecisionId, d.decision!.version]),
    ).toEqual([
      ['fee', 1],
      ['category', 1],
    ]);
    expect(result.variables).toMatchObject({ age: 70, category: 'senior' });
  });

  it('should evaluate a decision by id and by key over gRPC, failures included', async () => {
    // given
    const deployed = await zeebe.deployResource({ name: 'fees.dmn', decision: Buffer.from(fees) });
    const feeKey = (
      deployed.deployments as { decision?: { dmnDecisionId: string; decisionKey: string } }[]
    )
      .map((d) => d.decision)
      .find((d) => d?.dmnDecisionId === 'fee')!.decisionKey;

    // when
    const byId = await zeebe.evaluateDecision({ decisionId: 'fee', variables: { age: 70 } });
    const failed = await zeebe.evaluateDecision({ decisionKey: feeKey, variables: { age: 30 } });
    const unknown = await zeebe
      .evaluateDecision({ decisionId: 'nope', variables: {} })
      .catch((error: unknown) => error as { code?: number; message: string });

    // then
    expect(byId).toMatchObject({
      decisionId: 'fee',
      decisionName: 'Fee',
      decisionVersion: 1,
      decisionKey: feeKey,
      decisionRequirementsId: 'fees',
      decisionOutput: '10',
      failedDecisionId: '',
      failureMessage: '',
    });
    expect(byId.evaluatedDecisions.map((d) => [d.decisionId, d.decisionOutput])).toEqual([
      ['category', '"senior"'],
      ['fee', '10'],
    ]);
    expect(byId.evaluatedDecisions[1]?.matchedRules).toEqual([
      {
        ruleId: 'fee_r1',
        ruleIndex: 1,
        evaluatedOutputs: [{ outputId: 'fee_o1', outputName: 'fee', outputValue: '10' }],
      },
    ]);
    expect(failed).toMatchObject({ failedDecisionId: 'fee', decisionOutput: 'null' });
    expect(failed.failureMessage).toBe(
      "Expected to evaluate decision 'fee', but hit policy UNIQUE allows one matching rule, but rules 'fee_r2' (row 2), 'fee_r3' (row 3) matched",
    );
    expect(unknown).toMatchObject({ code: 5 });
    expect(String((unknown as { message: string }).message)).toContain(
      "Expected to evaluate decision 'nope', but no decision found for id 'nope'",
    );
  });

  it('should evaluate a decision over REST (POST /v2/decision-definitions/evaluation)', async () => {
    // given
    await zeebe.deployResource({ name: 'fees.dmn', decision: Buffer.from(fees) });

    // when
    const evaluated = await camunda
      .getCamundaRestClient()
      .evaluateDecision({ decisionDefinitionId: 'category', variables: { age: 20 } });
    const missing = await restCall(gateway, 'POST', '/v2/decision-definitions/evaluation', {
      variables: {},
    });

    // then
    expect(evaluated).toMatchObject({
      decisionDefinitionId: 'category',
      decisionDefinitionVersion: 1,
      decisionRequirementsId: 'fees',
      output: '"adult"',
      failureMessage: '',
      evaluatedDecisions: [
        { decisionDefinitionId: 'category', decisionDefinitionType: 'DECISION_TABLE' },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain(
      'Expected exactly one of decisionDefinitionId and decisionDefinitionKey',
    );
  });
});
