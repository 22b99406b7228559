import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from '../../server/test/balcaoHarness';
import { accessibilityViolations } from '../browser/accessibilityViolations';
import { launchBrowser } from '../browser/launchBrowser';
import { screenshot } from '../browser/screenshot';
import { signedInPage } from '../browser/signIn';

const live = { timeout: 60_000 };

describe('citizen applies, clerk decides, citizen follows live', () => {
  let node: TestBalcao;
  let browser: Browser;

  beforeAll(async () => {
    node = await startTestBalcao({ integrations: true, library: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  it('should carry a criminal record certificate application from the portal through the inbox', async () => {
    // given a clerk of DSI watching the inbox, and a citizen signed in
    const clerk = await signedInPage(browser, node.url, 'dsi-clerk', 'demo-clerk', {
      locale: 'en',
    });
    await clerk.page.goto(`${node.url}/inbox`);
    await clerk.page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const citizen = await signedInPage(browser, node.url, 'citizen', 'demo-citizen', {
      locale: 'en',
      width: 390,
    });
    const page = citizen.page;

    // when the citizen fills in the form (purpose "other" needs a clerk), saves a draft,
    // checks the answers and submits
    await page.goto(`${node.url}/services/criminal-record-certificate/apply`);
    const form = page.getByTestId('formio-form');
    await form.locator('input[name="data[idNumber]"]').waitFor();
    expect(await form.locator('input[name="data[idNumber]"]').inputValue()).toBe('1234567(8)');
    await form.locator('select[name="data[purpose]"]').selectOption('other');
    await form.locator('input[name="data[purposeOther]"]').fill('Volunteer work abroad');
    await form.locator('input[name^="data[urgency]"][value="normal"]').check();
    await form.locator('input[name^="data[deliveryFormat]"][value="electronic"]').check();
    await form.locator('input[name="data[consent]"]').check();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('notice').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'journey-1-form-phone');
    await page.getByTestId('review').click();
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    const answers = await page.getByTestId('answers').textContent();
    expect(answers).toContain('Volunteer work abroad');
    expect(answers).toContain('Electronic certificate');
    await screenshot(page, 'journey-2-check-answers');
    await page.getByTestId('submit-application').click();

    // then a confirmation with the application number
    const number = (await page.getByTestId('application-number').textContent({ ...live }))!.trim();
    expect(number).toMatch(/^\d{4}-DSI-\d{6}$/);
    await screenshot(page, 'journey-3-submitted');

    // when the citizen follows it and pays on the payment provider's page
    await page.getByTestId('track').click();
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('owed-action').waitFor(live);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'journey-4-awaiting-payment');
    await page.getByTestId('owed-action').click();
    await page.locator('button[value="pay"], button[name="action"][value="pay"]').first().click();
    await page.goto(`${node.url}/applications/${number}`);
    await page.getByTestId('timeline').waitFor();

    // then the clerk sees the verification task appear without reloading
    const row = clerk.page.getByTestId('tasks').locator('tr', { hasText: number });
    await row.waitFor(live);
    expect(await accessibilityViolations(clerk.page)).toEqual([]);
    await screenshot(clerk.page, 'journey-5-inbox-new-task');

    // when the clerk claims it, approves, and completes
    await row.getByRole('link').click();
    await clerk.page.getByTestId('claim').click();
    const decision = clerk.page.getByTestId('formio-form');
    await decision.locator('input[name^="data[clerkDecision]"][value="approve"]').check();
    expect(await clerk.page.getByTestId('application-data').textContent()).toContain('1234567(8)');
    await screenshot(clerk.page, 'journey-6-task');
    await clerk.page.getByTestId('complete').click();
    await clerk.page.waitForURL(/\/inbox$/);

    // then the citizen's open page shows the next milestone without a reload
    await page.getByText('Certificate issued').waitFor(live);
    await screenshot(page, 'journey-7-live-milestone');
    await clerk.context.close();
    await citizen.context.close();
  });
});
