import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (containers run as root), and nothing that phones home while a test runs. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/**
 * `describe` when Chromium is installed. Without it the suite is a visible describe.skip whose name says why, and
 * REQUIRE_BROWSER=1 (set by CI) turns that skip into a failure.
 */
export function describeWithBrowser(title: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(title, body);
    return;
  }
  const why = `${CHROMIUM_PATH} not found; install it with: apt-get update && apt-get install -y chromium`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
  describe.skip(`${title} (skipped: ${why})`, () => it('is skipped', () => undefined));
}
