import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchChromium } from './support/browser';
import { cookieRefresh } from './support/browser-client';
import { SQLITE } from './support/databases';
import { signGoogleIdToken, TEST_GOOGLE_CLIENT_ID } from './support/google-tokens';
import { startJwksServer, type JwksServer, type SigningKey } from './support/jwks-server';
import { newTwoFactorUser } from './support/mfa';
import { perBlock } from './support/per-block';
import { linkToken, startSmtpServer, waitForMails, type TestSmtp } from './support/smtp';
import { buildSpa, crossOriginAttempts, offlineWithGoogleStandIn, recordBodies, removeBuild, servePage, serveSpa, type LocalServer } from './support/spa-example';
import { count, param } from './support/sql';
import { listen, startTestApp, type TestApp } from './support/test-app';
import { newUser } from './support/users';

const SHOTS = join(__dirname, '..', 'test-output', 'spa');
const REFRESH_COOKIE = 'gatehouse_refresh';

interface Setup {
  t: TestApp;
  gatehouse: string;
  spa: LocalServer;
  elsewhere: LocalServer;
  smtp: TestSmtp;
  jwks: JwksServer;
  googleKey: SigningKey;
  browser: Browser;
  build: string;
}

/** Gatehouse on SQLite (listening), the SPA built for it and served, mail and Google stand-ins, Chromium. */
async function setUp(): Promise<Setup> {
  mkdirSync(SHOTS, { recursive: true });
  const smtp = await startSmtpServer();
  const jwks = await startJwksServer();
  let build = '';
  const spa = await serveSpa(() => build);
  const t = await startTestApp(SQLITE, {
    AUTH_CLIENTS: 'client-app-id:client-app-secret,spa-app::browser',
    CORS_ORIGINS: spa.url,
    APP_URL: spa.url,
    SMTP_URL: smtp.url,
    SIGNUP_ENABLED: 'true',
    GOOGLE_CLIENT_IDS: TEST_GOOGLE_CLIENT_ID,
    GOOGLE_JWKS_URI: jwks.url,
  });
  const gatehouse = await listen(t);
  build = await buildSpa({ GATEHOUSE_URL: gatehouse, SPA_CLIENT_ID: 'spa-app', GOOGLE_CLIENT_ID: TEST_GOOGLE_CLIENT_ID });
  const elsewhere = await servePage('<!doctype html><title>Another site</title><h1>Another site</h1>');
  return { t, gatehouse, spa, elsewhere, smtp, jwks, googleKey: await jwks.addKey(), browser: await launchChromium(), build };
}

async function tearDown(s: Setup): Promise<void> {
  await s.browser.close();
  await Promise.all([s.spa.close(), s.elsewhere.close(), s.smtp.close(), s.jwks.close()]);
  await s.t.close();
  removeBuild(s.build);
}

describeWithBrowser('the example SPA (examples/spa) in Chromium against a real Gatehouse', () => {
  const setup = perBlock('the SPA setup', setUp, tearDown, 180_000);
  let context: BrowserContext;
  let page: Page;
  let bodies: string[];
  let googleToken = '';

  beforeEach(async () => {
    context = await setup().browser.newContext();
    await offlineWithGoogleStandIn(context, () => googleToken);
    page = await context.newPage();
    bodies = recordBodies(page, setup().gatehouse);
  });
  afterEach(() => context.close());

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const heading = () => page.getByRole('heading', { level: 1 });
  const refreshCookie = async () => (await context.cookies()).find((c) => c.name === REFRESH_COOKIE);

  async function signInWithPassword(who: string, password: string): Promise<void> {
    await page.getByLabel('E-mail or username').fill(who);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** What a script of the page can see: document.cookie and the storages. */
  const scriptView = () => page.evaluate<{ cookie: string; stored: number }>('({ cookie: document.cookie, stored: localStorage.length + sessionStorage.length })');

  it('signs in with a password, shows /api/users/me, keeps the refresh token out of reach, renews silently, survives a reload, signs out', async () => {
    const user = await newUser(setup().t, { prefix: 'spa', fields: { name: 'Ada Example' } });
    await page.clock.install();
    await page.goto(setup().spa.url);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await shot('01-sign-in');

    await signInWithPassword(user.email, user.password);
    await heading().filter({ hasText: 'Welcome, Ada Example' }).waitFor();
    await expect(page.getByRole('definition').filter({ hasText: user.email }).count()).resolves.toBe(1);
    await shot('02-signed-in');

    const first = (await refreshCookie())!;
    expect(first).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    await expect(scriptView()).resolves.toEqual({ cookie: expect.not.stringContaining(REFRESH_COOKIE), stored: 0 });
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((b) => b.includes(first.value))).toEqual([]);

    // Silent refresh: three quarters into the access token's 300 s, the page renews it from the cookie by itself.
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().postData()!.includes('refresh_token'));
    await page.clock.fastForward('03:46');
    expect((await renewed).status()).toBe(200);
    await page.getByText('Session renewed 1 time(s)').waitFor();
    await shot('03-silent-refresh');
    const second = (await refreshCookie())!;
    expect(second.value).not.toBe(first.value);
    expect(bodies.filter((b) => b.includes(second.value))).toEqual([]);

    await page.reload();
    await heading().filter({ hasText: 'Welcome, Ada Example' }).waitFor();
    await shot('04-after-reload');
    const current = (await refreshCookie())!;

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading().filter({ hasText: 'Sign in' }).waitFor();
    await shot('05-signed-out');
    expect(await refreshCookie()).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect((await cookieRefresh(setup().t, `${REFRESH_COOKIE}=${current.value}`, { 'x-requested-with': 'fetch' })).status).toBe(401);
    expect(bodies.filter((b) => [first.value, second.value, current.value].some((v) => b.includes(v)))).toEqual([]);
  });

  it('asks for the second factor after the password (mfa_required) and signs in with the code', async () => {
    const user = await newTwoFactorUser(setup().t, { fields: { name: 'Two Factor' } });
    await page.goto(setup().spa.url);
    await signInWithPassword(user.email, user.password);
    await heading().filter({ hasText: 'Two-factor sign-in' }).waitFor();
    await shot('06-two-factor');
    await page.getByLabel('Authentication code').fill(user.device.next());
    await page.getByRole('button', { name: 'Verify code' }).click();
    await heading().filter({ hasText: 'Welcome, Two Factor' }).waitFor();
    await shot('07-two-factor-signed-in');
  });

  it('signs in with Google (the Identity Services stand-in hands over an ID token signed by the test key server)', async () => {
    const email = `google-${randomUUID().slice(0, 8)}@gmail.example`;
    googleToken = await signGoogleIdToken(setup().googleKey, { sub: `sub-${email}`, email, name: 'Grace Google' });
    await page.goto(setup().spa.url);
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor();
    await shot('08-google-button');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await heading().filter({ hasText: 'Welcome, Grace Google' }).waitFor();
    await expect(page.getByRole('definition').filter({ hasText: `${email} (confirmed)` }).count()).resolves.toBe(1);
    await shot('09-google-signed-in');
  });

  it('resets a forgotten password through the mailed link (/reset-password?token=…)', async () => {
    const user = await newUser(setup().t, { prefix: 'forgot', fields: { name: 'Forgetful' } });
    await page.goto(setup().spa.url);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').waitFor();
    await shot('10-forgot-password');

    const [mail] = await waitForMails(setup().smtp, user.email);
    await page.goto(`${setup().spa.url}/reset-password?token=${linkToken(mail, '/reset-password')}`);
    await page.getByLabel('New password').fill('A-new-passw0rd-9');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('status').filter({ hasText: 'password is changed' }).waitFor();
    await shot('11-reset-password');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await signInWithPassword(user.email, 'A-new-passw0rd-9');
    await heading().filter({ hasText: 'Welcome, Forgetful' }).waitFor();
  });

  it('signs up, confirms the address through the mailed link (/verify-email?token=…), then signs in', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(setup().spa.url);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('Sign-up-passw0rd');
    await page.getByLabel('Name').fill('New Person');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').waitFor();
    await shot('12-sign-up');

    const [mail] = await waitForMails(setup().smtp, email);
    await page.goto(`${setup().spa.url}/verify-email?token=${linkToken(mail, '/verify-email')}`);
    await page.getByRole('button', { name: 'Confirm e-mail address' }).click();
    await page.getByRole('status').filter({ hasText: `${email} is confirmed` }).waitFor();
    await shot('13-verify-email');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await signInWithPassword(email, 'Sign-up-passw0rd');
    await heading().filter({ hasText: 'Welcome, New Person' }).waitFor();
  });

  it('lets no page of another origin (not in CORS_ORIGINS) refresh or end the session, although the browser holds the cookie', async () => {
    const user = await newUser(setup().t, { prefix: 'xorigin', fields: { name: 'Cross Origin' } });
    await page.goto(setup().spa.url);
    await signInWithPassword(user.email, user.password);
    await heading().filter({ hasText: 'Welcome, Cross Origin' }).waitFor();
    const tokens = () => count(setup().t, `SELECT COUNT(*) AS n FROM refresh_tokens WHERE "userId" = ${param(SQLITE, 1)} AND "revokedAt" IS NULL`, [user.id]);
    const before = await tokens();

    const other = await context.newPage();
    const failures: string[] = [];
    other.on('requestfailed', (r) => failures.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
    await other.goto(setup().elsewhere.url);
    const outcome = await other.evaluate(crossOriginAttempts, setup().gatehouse);
    await other.screenshot({ path: join(SHOTS, '14-cross-origin-refused.png') });

    // The preflights found no CORS answer for this origin; the simple request reached Gatehouse, which refuses it (no
    // JSON, no X-Requested-With), and the page saw not even its opaque answer (Cross-Origin-Resource-Policy).
    expect(outcome).toEqual({ refresh: 'blocked', logout: 'blocked', noCors: 'blocked' });
    expect(failures.sort()).toEqual([
      '/api/auth/login net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin',
      '/api/auth/login net::ERR_FAILED',
      '/api/auth/logout net::ERR_FAILED',
    ]);
    await expect(tokens()).resolves.toBe(before);
    await page.reload();
    await heading().filter({ hasText: 'Welcome, Cross Origin' }).waitFor();
  });
});
