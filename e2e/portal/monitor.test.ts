import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import { startTestBalcao, type TestBalcao } from '../../server/test/balcaoHarness';
import { accessibilityViolations } from '../browser/accessibilityViolations';
import { launchBrowser } from '../browser/launchBrowser';
import { screenshot } from '../browser/screenshot';
import { signedInPage } from '../browser/signIn';

const live = { timeout: 60_000 };
const processId = 'monitor-e2e-payment-check';
const jobType = 'monitor-e2e-check';
// Drawn (with diagram interchange) so the monitor can show it: start → check → end.
const shape = (id: string, x: number, w: number) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="80" width="${w}" height="${w === 36 ? 36 : 80}" /></bpmndi:BPMNShape>`;
const edge = (id: string, x1: number, x2: number) =>
  `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="${x1}" y="98" /><di:waypoint x="${x2}" y="98" /></bpmndi:BPMNEdge>`;
const model = bpmn(
  processId,
  [el.start('s'), el.service('check', jobType), el.end('e')],
  [
    ['s', 'check', undefined, 'f1'],
    ['check', 'e', undefined, 'f2'],
  ],
)
  .replace(
    '</bpmn:definitions>',
    `<bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${processId}">${shape('s', 100, 36)}${shape('check', 200, 100)}${shape('e', 360, 36)}${edge('f1', 136, 200)}${edge('f2', 300, 360)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`,
  )
  .replace(
    'xmlns:bpmn=',
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:bpmn=',
  );

describe('supervisor retries an incident on the monitor', () => {
  let node: TestBalcao;
  let browser: Browser;

  beforeAll(async () => {
    node = await startTestBalcao();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  const activate = () =>
    node.camunda.getZeebeGrpcApiClient().activateJobs({
      type: jobType,
      worker: 'e2e',
      timeout: 30_000,
      maxJobsToActivate: 1,
      requestTimeout: 10_000,
      fetchVariable: [],
    });

  it('should show the failed step on the diagram and resolve it with Retry', async () => {
    // given a DSI process whose job failed with no retries left
    const zeebe = node.camunda.getZeebeGrpcApiClient();
    await zeebe.deployResource({ name: `${processId}.bpmn`, process: Buffer.from(model) });
    // Owned by DSI, as when a DSI analyst deploys it from the modeler.
    await node.balcao.db.query(
      `insert into modeling_owner (kind, resource_id, agency) values ('process', $1, 'DSI')`,
      [processId],
    );
    const { processInstanceKey } = await zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: { caseRef: 'E2E-MONITOR-1', fee: 120 },
    });
    let job = (await activate())[0];
    while (!job) job = (await activate())[0];
    await zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'payment service down',
      retryBackOff: 0,
    });

    // when the DSI supervisor opens the monitor and the instance
    const { page } = await signedInPage(browser, node.url, 'supervisor', 'demo-supervisor', {
      locale: 'en',
    });
    await page.goto(`${node.url}/monitor`);
    await page.getByRole('heading', { name: 'Monitor' }).waitFor();
    const row = page.getByTestId('incidents').locator('tr', { hasText: processInstanceKey });
    await row.waitFor(live);
    expect(await row.textContent()).toContain('payment service down');
    // the dashboard charts its throughput and backlog, with the figures as tables
    await page.getByTestId('throughput-chart').getByRole('img').waitFor(live);
    expect(await page.getByTestId('sla-breaches').textContent()).toMatch(/^\s*0\s*deadline passed/);
    const backlog = page.getByTestId('backlog-table').locator('tr', { hasText: processId });
    expect(await backlog.textContent()).toMatch(new RegExp(`${processId}\\s*1\\s*0\\s*1`));
    expect(
      await page.getByTestId('throughput-chart').getByRole('img').getAttribute('aria-label'),
    ).toMatch(/instances started/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'monitor-1-dashboard-incidents');
    await row.getByRole('link', { name: processInstanceKey }).click();
    await page.locator('[data-element-id="check"].monitor-failed').waitFor(live);
    await page.locator('[data-element-id="s"].monitor-completed').waitFor(live);
    expect(await page.getByTestId('marked-completed').textContent()).toContain('s');
    expect(await page.getByTestId('marked-failed').textContent()).toContain('check');
    const history = page.getByTestId('history').locator('tbody tr');
    expect(await history.allTextContents()).toEqual([
      expect.stringMatching(/^s\s*START_EVENT\s*completed/),
      expect.stringMatching(/^check\s*SERVICE_TASK\s*active\s*incident/),
    ]);
    const variables = page.getByTestId('variables');
    expect(await variables.textContent()).toContain('"E2E-MONITOR-1"');
    expect(await variables.textContent()).toContain('120');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'monitor-2-instance');

    // and retries the incident
    await page.getByTestId('incidents').getByRole('button', { name: /Retry/ }).click();

    // then it is resolved and the job can be worked again
    await page.getByTestId('retry-status').getByText('resolved').waitFor(live);
    await page.getByText('No open incidents.').waitFor(live);
    await page.locator('[data-element-id="check"].monitor-active').waitFor(live);
    await screenshot(page, 'monitor-3-retried');
    let again = (await activate())[0];
    while (!again) again = (await activate())[0];
    expect(again.key).toBe(job.key);

    // and once the job is done the whole path shows as completed
    await zeebe.completeJob({ jobKey: again.key, variables: { paid: true } });
    await page.reload();
    await page.locator('[data-element-id="e"].monitor-completed').waitFor(live);
    await page.locator('[data-element-id="check"].monitor-completed').waitFor(live);
    expect(await page.getByTestId('variables').textContent()).toContain('paid');
    await screenshot(page, 'monitor-4-completed');
  });
});
