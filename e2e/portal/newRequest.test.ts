import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@balcao/server';
import { startTestBalcao, type TestBalcao } from '../../server/test/balcaoHarness';
import { accessibilityViolations } from '../browser/accessibilityViolations';
import { launchBrowser } from '../browser/launchBrowser';
import { screenshot } from '../browser/screenshot';
import { signedInPage } from '../browser/signIn';

const live = { timeout: 60_000 };
const hidden = { state: 'hidden' as const, timeout: 10_000 };
const phone = { width: 360, height: 800 };
const desktop = { width: 1280, height: 900 };

describe('a clerk opens an internal request; a supervisor assigns its task', () => {
  let node: TestBalcao;
  let browser: Browser;

  beforeAll(async () => {
    node = await startTestBalcao({ library: true });
    // SAFP's supervisor and an HR clerk: the substitution proposal goes to department-hr.
    await createAccount(node.balcao.db, {
      login: 'safp-supervisor',
      displayName: 'SAFP supervisor',
      role: 'supervisor',
      agency: 'SAFP',
      password: 'safp-supervisor-pw',
    });
    await createAccount(node.balcao.db, {
      login: 'safp-hr-clerk',
      displayName: 'SAFP HR clerk',
      role: 'clerk',
      agency: 'SAFP',
      groups: ['department-hr'],
      password: 'safp-hr-clerk-pw',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  it('should open a substitution request with field errors shown, then assign its task', async () => {
    // given SAFP's supervisor watching the inbox, and a SAFP clerk on a phone-sized screen
    const supervisor = await signedInPage(
      browser,
      node.url,
      'safp-supervisor',
      'safp-supervisor-pw',
      { locale: 'en' },
    );
    const inbox = supervisor.page;
    await inbox.goto(`${node.url}/inbox`);
    await inbox.getByRole('heading', { name: 'Inbox' }).waitFor();
    const clerk = await signedInPage(browser, node.url, 'safp-clerk', 'demo-clerk', {
      locale: 'en',
      width: phone.width,
    });
    const page = clerk.page;

    // when they follow "New request" in the navigation
    await page.getByTestId('nav-new-request').click();
    await page.getByRole('heading', { name: 'New request', level: 1 }).waitFor();
    const list = page.getByTestId('request-list');
    await list.getByTestId('open-daily-allowance').waitFor();

    // then they see the internal procedures only, not the portal services
    const names = await list.textContent();
    expect(names).toContain('Training application');
    expect(names).not.toContain('Criminal record');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'new-request-1-list-phone');
    await page.setViewportSize(desktop);
    await screenshot(page, 'new-request-1-list-desktop');

    // when they open the daily allowance procedure and give a staff number of 2 digits
    await list.getByTestId('open-daily-allowance').click();
    const form = page.getByTestId('formio-form');
    await form.locator('input[name="data[employeeNumber]"]').waitFor();
    await form.locator('input[name^="data[requestType]"][value="substitution"]').check();
    expect(await form.locator('input[name="data[employeeName]"]').inputValue()).toContain(
      'SAFP clerk',
    );
    await form.locator('input[name="data[employeeNumber]"]').fill('12');
    await form.locator('select[name="data[department]"]').selectOption('SAFP');
    await form.locator('input[name="data[salaryIndex]"]').fill('350');
    await form.locator('input[name="data[substitutedPost]"]').fill('Chief of the HR section');
    await form.locator('input[name="data[substitutionStart]"]').fill('2026-12-01');
    await form.locator('input[name="data[substitutionEnd]"]').fill('2026-12-31');
    await page.getByTestId('submit-request').click();

    // then the staff number field says what is wrong
    const staffNumber = form.locator('.formio-component-employeeNumber');
    await staffNumber.getByText('Enter the 6-digit staff number').first().waitFor();
    await page.getByTestId('request-error').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'new-request-2-field-error-desktop');

    // when the server refuses a value the page let through (an out-of-date page sends a
    // salary index of 5000), its message lands on that field
    await form.locator('input[name="data[employeeNumber]"]').fill('123456');
    // Form.io takes the new value on its (debounced) change: submit only once it has
    await staffNumber.getByText('Enter the 6-digit staff number').first().waitFor(hidden);
    await page.route('**/api/applications', async (route) => {
      const body = route.request().postDataJSON() as { data: Record<string, unknown> };
      await route.continue({
        postData: JSON.stringify({ ...body, data: { ...body.data, salaryIndex: 5000 } }),
      });
    });
    const refused = page.waitForResponse(
      (res) => res.url().endsWith('/api/applications') && res.request().method() === 'POST',
    );
    await page.getByTestId('submit-request').click();
    expect((await refused).status()).toBe(400);
    const salary = form.locator('.formio-component-salaryIndex');
    await salary.locator('.formio-errors, .invalid-feedback').first().waitFor();
    expect(await salary.textContent()).toMatch(/1200/);
    await page.unroute('**/api/applications');
    await page.setViewportSize(phone);
    await screenshot(page, 'new-request-3-server-error-phone');

    // when they submit again with the page's own answers
    await page.getByTestId('submit-request').click();

    // then they get the request's number and a link to follow it
    const number = (await page.getByTestId('application-number').textContent(live))!.trim();
    expect(number).toMatch(/^\d{4}-SAFP-\d{6}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'new-request-4-submitted-phone');
    await page.getByTestId('track').click();
    await page.waitForURL(new RegExp(`/applications/${number}$`));
    await clerk.context.close();

    // then the proposal task of the request appears in the supervisor's inbox without a reload
    // (it is in none of their groups: they follow their agency's tasks)
    const row = inbox.getByTestId('tasks').locator('tr', { hasText: number });
    await row.waitFor(live);

    // when they open it and assign it without choosing anyone, then to the HR clerk
    await row.getByRole('link').click();
    const assign = inbox.getByTestId('assign');
    await assign.getByTestId('assign-to').waitFor();
    await assign.getByTestId('assign-submit').click();
    expect(await assign.getByTestId('assign-error').textContent()).toContain(
      'Choose a colleague first',
    );
    const options = await assign.getByTestId('assign-to').locator('option').allTextContents();
    expect(options.join('|')).toContain('safp-hr-clerk');
    expect(options.join('|')).not.toContain('safp-clerk)');
    await assign.getByTestId('assign-to').selectOption('safp-hr-clerk');
    await assign.getByTestId('assign-submit').click();

    // then the task is the HR clerk's
    await assign.getByTestId('assign-done').waitFor();
    await inbox.getByText('Assignee: safp-hr-clerk').waitFor();
    expect(await accessibilityViolations(inbox)).toEqual([]);
    await screenshot(inbox, 'new-request-5-assigned-desktop');
    await inbox.setViewportSize(phone);
    await screenshot(inbox, 'new-request-5-assigned-phone');
    await supervisor.context.close();

    const hr = await signedInPage(browser, node.url, 'safp-hr-clerk', 'safp-hr-clerk-pw', {
      locale: 'en',
    });
    await hr.page.goto(`${node.url}/inbox`);
    await hr.page.getByTestId('view-mine').click();
    await hr.page.getByTestId('tasks').locator('tr', { hasText: number }).waitFor(live);
    await hr.context.close();
  });
});
