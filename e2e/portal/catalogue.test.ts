import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from '../../server/test/balcaoHarness';
import { accessibilityViolations } from '../browser/accessibilityViolations';
import { launchBrowser } from '../browser/launchBrowser';
import { screenshot } from '../browser/screenshot';

describe('citizen portal: catalogue', () => {
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

  it('should list the services in Chinese first, switch language and open a service sheet', async () => {
    // given
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    // when
    await page.goto(node.url + '/');
    await page.getByTestId('catalogue-list').getByRole('link').first().waitFor();

    // then
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('公共服務');
    await expect(page.getByRole('link', { name: '刑事紀錄證明書' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'catalogue-zh-Hant');

    // when the citizen searches in English after switching the language
    await page.getByTestId('language-switcher').selectOption('en');
    await page.getByTestId('catalogue-search').fill('criminal');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('One service').waitFor();

    // then
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const names = await page.getByTestId('catalogue-list').getByRole('heading').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(['Criminal record certificate']);

    // when
    await page.getByRole('link', { name: 'Criminal record certificate' }).click();
    await page.getByRole('heading', { name: 'Our pledge' }).waitFor();

    // then the pledge shows time, fees and documents
    const sheet = await page.locator('main').textContent();
    expect(sheet).toContain('3 working days');
    expect(sheet).toContain('MOP 60.00');
    expect(sheet).toContain('Macao resident identity card');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'service-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('should fit a 360 px phone screen in Portuguese with large text', async () => {
    // given
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(node.url + '/');
    await page.getByTestId('catalogue-list').getByRole('link').first().waitFor();

    // when
    await page.getByTestId('language-switcher').selectOption('pt');
    await page.getByTestId('large-text').click();
    await page.getByRole('heading', { name: 'Serviços públicos' }).waitFor();

    // then nothing is wider than the screen, and the text is larger
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(fontSize).toBe('20px');
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'catalogue-pt-360-large-text');
    await context.close();
  });
});

/** Console errors and failed requests: a page that works shows none. */
function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}
