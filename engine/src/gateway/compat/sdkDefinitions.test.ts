import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camunda8 } from '@camunda8/sdk';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { camundaSdk } from './camundaSdk';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

const review = (name: string) =>
  bpmn(
    'review',
    [el.start('start'), el.service('check', 'check-file'), el.end('end')],
    [
      ['start', 'check'],
      ['check', 'end'],
    ],
  ).replace('<bpmn:process id="review"', `<bpmn:process id="review" name="${name}"`);

const form = (label: string) =>
  JSON.stringify({ formId: 'review-form', components: [{ type: 'textfield', key: 'x', label }] });

describe(
  `process definitions and forms over /v2 (${testDatabaseKind})`,
  { timeout: 60_000 },
  () => {
    let gateway: TestGateway;
    let camunda: Camunda8;

    beforeAll(async () => {
      gateway = await startTestGateway();
      camunda = camundaSdk(gateway);
      const zeebe = camunda.getZeebeGrpcApiClient();
      await zeebe.deployResources([
        { name: 'review.bpmn', process: Buffer.from(review('Review v1')) },
        { name: 'review-form.form', form: Buffer.from(form('One')) },
      ]);
      await zeebe.deployResources([
        { name: 'review.bpmn', process: Buffer.from(review('Review v2')) },
        { name: 'review-form.form', form: Buffer.from(form('Two')) },
      ]);
      await zeebe.close(1000);
    }, 60_000);

    afterAll(async () => {
      await gateway.close();
    }, 60_000);

    it('should search process definitions through the SDK, latest version only', async () => {
      // when
      const all = await camunda
        .getCamundaRestClient()
        .searchProcessDefinitions({ filter: { processDefinitionId: 'review' } });
      const latest = await restCall(gateway, 'POST', '/v2/process-definitions/search', {
        filter: { processDefinitionId: 'review', isLatestVersion: true },
      });

      // then
      expect(all.items.map((d) => [d.version, d.name, d.resourceName])).toEqual([
        [1, 'Review v1', 'review.bpmn'],
        [2, 'Review v2', 'review.bpmn'],
      ]);
      expect(latest.body.items).toEqual([
        expect.objectContaining({
          version: 2,
          processDefinitionId: 'review',
          tenantId: '<default>',
        }),
      ]);
    });

    it('should get one process definition by key through the SDK, 404 when unknown', async () => {
      // given
      const [first] = (
        await camunda.getCamundaRestClient().searchProcessDefinitions({ filter: { version: 1 } })
      ).items;

      // when
      const one = await camunda
        .getCamundaRestClient()
        .getProcessDefinition(first!.processDefinitionKey);
      const missing = await restCall(gateway, 'GET', '/v2/process-definitions/123');

      // then
      expect(one).toMatchObject({ processDefinitionId: 'review', version: 1, name: 'Review v1' });
      expect(missing.status).toBe(404);
    });

    it('should search forms and read one form with its schema by key', async () => {
      // when
      const found = await restCall(gateway, 'POST', '/v2/forms/search', {
        filter: { formId: 'review-form' },
        sort: [{ field: 'version', order: 'DESC' }],
      });
      const items = found.body.items as { formKey: string; version: number }[];
      const latest = await restCall(gateway, 'GET', `/v2/forms/${items[0]!.formKey}`);

      // then
      expect(items.map((f) => f.version)).toEqual([2, 1]);
      expect(latest.body).toMatchObject({ formId: 'review-form', version: 2 });
      expect(JSON.parse(latest.body.schema as string)).toMatchObject({
        components: [{ label: 'Two' }],
      });
    });

    it('should answer 400 naming an unsupported filter of a form search', async () => {
      // when
      const refused = await restCall(gateway, 'POST', '/v2/forms/search', {
        filter: { schema: 'x' },
      });

      // then
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain("'schema'");
    });
  },
);
