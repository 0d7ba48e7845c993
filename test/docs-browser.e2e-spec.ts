import type { Browser } from 'playwright-core';
import { describeWithBrowser, launchChromium } from './support/browser';
import { testDatabases } from './support/databases';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Swagger UI under the real Content-Security-Policy, in a real browser: the page renders the API and the browser
 * reports no policy violation. Database-independent, so on SQLite only. Chromium comes from CHROMIUM_PATH (see
 * support/browser.ts); without it the suite is skipped by name, or fails under REQUIRE_BROWSER=1.
 */
describeWithBrowser('Swagger UI at /docs in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(testDatabases()[0].kind!);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Runs in the page (a string, since this file is compiled without the DOM types).
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    const response = await page.goto(`${base}/docs`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30000 });
    expect(await page.textContent('.swagger-ui .info .title')).toContain('Gatehouse');
    expect(await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
