import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from '../../server/test/balcaoHarness';
import { accessibilityViolations } from '../browser/accessibilityViolations';
import { launchBrowser } from '../browser/launchBrowser';
import { screenshot } from '../browser/screenshot';

describe('analysts’ modeler', () => {
  let node: TestBalcao;
  let browser: Browser;

  beforeAll(async () => {
    node = await startTestBalcao({ library: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  async function signedInAnalyst(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${node.url}/modeler/`);
    await page.locator('#sign-in-login').fill('analyst');
    await page.locator('#sign-in-password').fill('demo-analyst');
    await page.locator('form.sign-in button[type=submit]').click();
    await page.getByTestId('processes').waitFor();
    return page;
  }

  it('should open a library process, add a connector task and a form, and deploy', async () => {
    // given the analyst of DSI sees their agency's processes
    const page = await signedInAnalyst();
    const list = await page.getByTestId('processes').textContent();
    expect(list).toContain('criminal-record-certificate');
    expect(list).not.toContain('tax-clearance-certificate');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'modeler-list');

    // when they create a form with one field and its translations
    await page.getByTestId('new-form').click();
    await page.locator('#new-id').fill('dsi-crc-extra-information');
    await page.locator('#new-id').press('Enter');
    const builder = page.getByTestId('form-builder');
    await builder.locator('.formio-builder-form').waitFor();
    await page
      .locator('[data-key="textfield"]')
      .first()
      .dragTo(builder.locator('.drag-container.formio-builder-form'));
    await page.locator('.formio-dialog input[name="data[label]"]').fill('Employer name');
    await page.locator('.formio-dialog [ref="saveButton"]').click();
    await builder.getByText('Employer name').first().waitFor();
    await screenshot(page, 'modeler-form-builder');
    await page.getByTestId('tab-translations').click();
    await page.getByTestId('tr-zh-Hant-0').fill('僱主名稱');
    await page.getByTestId('tr-pt-0').fill('Nome da entidade patronal');
    await page.locator('#title-zh-Hant').fill('補充資料');
    await page.locator('#title-pt').fill('Informação adicional');
    await page.locator('#title-en').fill('Additional information');
    await page.getByTestId('tab-preview').click();
    await page.locator('#preview-language').selectOption('zh-Hant');
    await page.getByTestId('form-preview').getByText('僱主名稱').waitFor();
    await screenshot(page, 'modeler-form-preview');
    await page.getByTestId('save-form-draft').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('草稿已儲存');

    // and open the library process, append a civil registry connector task, link the form
    await page.goto(`${node.url}/modeler/processes/criminal-record-certificate`);
    await page.locator('[data-element-id="verification"]').waitFor();
    await page.locator('[data-element-id="verification"]').click();
    await openGroup(page, 'group-form');
    const formId = page.locator('#bio-properties-panel-formId');
    await formId.fill('dsi-crc-extra-information');
    await formId.blur();

    await screenshot(page, 'modeler-form-linked');
    await page.locator('[data-action="append"]').click();
    await page.locator('.djs-popup-search input').fill('Civil Registry');
    await page.locator('.djs-popup-results .entry', { hasText: 'Civil Registry' }).first().click();
    const appended = page.locator('.djs-element.selected');
    await appended.waitFor();
    await openGroup(page, 'group-balcao-milestone');
    await page.locator('#bio-properties-panel-balcao-milestone-zh-Hant').fill('核實身份');
    await page
      .locator('#bio-properties-panel-balcao-milestone-pt')
      .fill('Verificação de identidade');
    await page.locator('#bio-properties-panel-balcao-milestone-en').fill('Identity check');
    await page.locator('#bio-properties-panel-balcao-milestone-en').blur();
    await screenshot(page, 'modeler-process');
    expect(await accessibilityViolations(page)).toEqual([]);

    // when they deploy
    await page.getByTestId('deploy').click();

    // then the new versions show
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 })
      .toMatch(/已發佈：.*criminal-record-certificate v2.*dsi-crc-extra-information v1/);
    await screenshot(page, 'modeler-deployed');
    const xml = await node.camunda
      .getCamundaRestClient()
      .searchProcessDefinitions({ filter: { processDefinitionId: 'criminal-record-certificate' } });
    expect(xml.items.map((d) => d.version)).toContain(2);
  });

  it('should open a file drawn in Camunda Modeler, mark deploy errors on the diagram, then deploy it', async () => {
    // given a model from Camunda Modeler whose service task lost its job type
    const good = readFileSync(new URL('fixtures/visa-extension.bpmn', import.meta.url), 'utf8');
    const broken = good.replace('<zeebe:taskDefinition type="check-passport" retries="3" />', '');
    const page = await signedInAnalyst();
    await page.getByTestId('language-switcher').selectOption('en');

    // when the analyst imports it and deploys
    await page.getByTestId('import-file').setInputFiles({
      name: 'visa-extension.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(broken),
    });
    await page.locator('[data-element-id="Activity_check"]').waitFor();
    await page.getByTestId('deploy').click();

    // then the refused element is outlined and named, with the engine's reason
    await page.getByTestId('problems').waitFor();
    expect(await page.getByTestId('problems').textContent()).toContain('Activity_check');
    await page.locator('.djs-element.deploy-error[data-element-id="Activity_check"]').waitFor();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Not deployed');
    await screenshot(page, 'modeler-deploy-errors');
    expect(await accessibilityViolations(page)).toEqual([]);

    // when the fixed file is imported again and deployed
    await page.locator('input[type=file][accept=".bpmn,.xml"]').setInputFiles({
      name: 'visa-extension.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(good),
    });
    await page.getByTestId('deploy').click();

    // then it is version 1 of the analyst's agency, and the marks are gone
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 })
      .toContain('Deployed: dsi-visa-extension v1');
    expect(await page.locator('.djs-element.deploy-error').count()).toBe(0);
    await screenshot(page, 'modeler-imported-deployed');
  });
});

/** Opens a properties panel group (collapsed by default) unless it is open already. */
async function openGroup(page: Page, groupId: string): Promise<void> {
  const group = page.locator(`.bio-properties-panel-group[data-group-id="${groupId}"]`);
  await group.waitFor();
  const header = group.locator('.bio-properties-panel-group-header').first();
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}
