import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A person in their own browser context (cookies), signed in through the sign-in page. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  login: string,
  password: string,
  options: { locale?: string; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  if (options.locale) {
    await context.addInitScript(
      (locale: string) => localStorage.setItem('balcao.locale', locale),
      options.locale,
    );
  }
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#sign-in-login').fill(login);
  await page.locator('#sign-in-password').fill(password);
  await page.locator('form.sign-in button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return { context, page };
}
