import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { SQLITE } from './databases';
import { perBlock } from './per-block';
import { describeRequiring, Requirement } from './skips';
import { listen, startTestApp, TestApp } from './test-app';

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

/** Chromium is needed by the browser suites; apt's package is what this machine can install. */
function browserRequirement(): Requirement {
  const path = chromiumPath();
  const missing = existsSync(path) ? null : `no browser at ${path} (CHROMIUM_PATH; apt-get install -y chromium)`;
  return { name: 'browser', missing, requireVar: 'REQUIRE_BROWSER' };
}

/** `describe` when Chromium is installed at chromiumPath(); else skipped by name with the reason (see skips.ts). */
export function describeWithBrowser(title: string, body: () => void): void {
  describeRequiring(browserRequirement(), title, body);
}

export interface AppInBrowser {
  t: TestApp;
  /** http://127.0.0.1:<port> of the listening app */
  base: string;
  browser: Browser;
}

/**
 * For a browser suite: before it, the app on SQLite (what a browser sees does not depend on the database) listening
 * on 127.0.0.1, and Chromium; after it, both closed.
 */
export function appInBrowser(): AppInBrowser {
  const current = perBlock(
    'the app in a browser',
    async () => {
      const t = await startTestApp(SQLITE);
      try {
        return { t, base: await listen(t), browser: await launchChromium() };
      } catch (e) {
        await t.close();
        throw e;
      }
    },
    async ({ t, browser }) => {
      await browser.close();
      await t.close();
    },
    120_000, // a first Chromium start on a busy machine
  );
  return {
    get t() {
      return current().t;
    },
    get base() {
      return current().base;
    },
    get browser() {
      return current().browser;
    },
  };
}
