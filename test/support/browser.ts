import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The Chromium the browser suites drive: CHROMIUM_PATH (README), else Debian's `chromium` package
 * (`npx playwright install` cannot download browsers here). Read when called, so a suite sees the current env.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Headless, no sandbox (containers run as root), and nothing that phones home while a test runs. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/**
 * `describe` when Chromium is installed at chromiumPath(). Without it the suite is a visible describe.skip whose
 * name says why, and REQUIRE_BROWSER=1 (set by CI) turns that skip into a failure of the suite.
 */
export function describeWithBrowser(title: string, body: () => void): void {
  const path = chromiumPath();
  if (existsSync(path)) {
    describe(title, body);
    return;
  }
  const why = `no browser at ${path} (CHROMIUM_PATH); install it with: apt-get update && apt-get install -y chromium`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
  // Jest's default reporter prints nothing of a file whose every test is skipped, so the reason goes to stderr too.
  process.stderr.write(`SKIPPED: ${title}: ${why}\n`);
  describe.skip(`${title} (skipped: ${why})`, () => it('is skipped', () => undefined));
}
