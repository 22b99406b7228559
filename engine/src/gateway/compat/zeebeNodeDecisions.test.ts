import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZBClient } from 'zeebe-node';
import { testDatabaseKind } from '@balcao/platform/testing';
import { dmn, dmnDecision } from '../../testing/dmn';
import { startTestGateway, type TestGateway } from './startTestGateway';

const eligibility = dmn('eligibility', [
  dmnDecision.literal('adult', 'age >= 18'),
  dmnDecision.table('discount', {
    hitPolicy: 'COLLECT',
    aggregation: 'SUM',
    inputs: ['adult', 'resident'],
    outputs: ['discount'],
    rules: [
      [['false', '-'], ['20']],
      [['-', 'true'], ['10']],
    ],
    requires: ['adult'],
  }),
]);

describe(
  `zeebe-node 8.3: DMN deployment and EvaluateDecision (${testDatabaseKind})`,
  { timeout: 60_000 },
  () => {
    let gateway: TestGateway;
    let zbc: ZBClient;

    beforeEach(async () => {
      gateway = await startTestGateway();
      zbc = new ZBClient(gateway.grpcAddress, { useTLS: false, loglevel: 'NONE', retry: false });
    }, 60_000);

    afterEach(async () => {
      await zbc.close(1000);
      await gateway.close();
    }, 60_000);

    it('should deploy a DMN and evaluate its decisions with the required ones first', async () => {
      // given
      const deployed = await zbc.deployResource({
        name: 'eligibility.dmn',
        decision: Buffer.from(eligibility),
      });
      const decisions = deployed.deployments.flatMap((d) => (d.decision ? [d.decision] : []));

      // when
      const minor = await zbc.evaluateDecision({
        decisionId: 'discount',
        variables: { age: 12, resident: true },
      });

      // then
      expect(
        decisions.map((d) => [d.dmnDecisionId, d.version, d.dmnDecisionRequirementsId]),
      ).toEqual([
        ['adult', 1, 'eligibility'],
        ['discount', 1, 'eligibility'],
      ]);
      expect(minor.decisionOutput).toBe('30');
      expect(
        minor.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.decisionOutput]),
      ).toEqual([
        ['adult', 'LITERAL_EXPRESSION', 'false'],
        ['discount', 'DECISION_TABLE', '30'],
      ]);
    });
  },
);
