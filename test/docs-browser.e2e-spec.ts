import { appInBrowser, describeWithBrowser } from './support/browser';

/**
 * Swagger UI under the real Content-Security-Policy, in a real browser: the page renders the API and the browser
 * reports no policy violation. Database-independent, so on SQLite only. Chromium comes from CHROMIUM_PATH (see
 * support/browser.ts); without it the suite is skipped by name, or fails under REQUIRE_BROWSER=1.
 */
describeWithBrowser('Swagger UI at /docs in headless Chromium', () => {
  const run = appInBrowser();

  it('renders the operations with no CSP violation', async () => {
    const page = await run.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Runs in the page (a string, since this file is compiled without the DOM types).
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    const response = await page.goto(`${run.base}/docs`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30000 });
    expect(await page.textContent('.swagger-ui .info .title')).toContain('Gatehouse');
    expect(await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
