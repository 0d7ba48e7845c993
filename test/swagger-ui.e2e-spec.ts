import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { API_TAGS } from '../src/common/swagger/api-tags';
import { appInBrowser, describeWithBrowser } from './support/browser';
import { CLIENT, passwordLogin, SYSTEM_CTX } from './support/seed';
import { SwaggerUiPage } from './support/swagger-ui-page';
import { loginToken } from './support/sessions';
import { mfaLogin } from './support/mfa';
import { TotpDevice } from './support/totp';
import { syncUser } from './support/users';

const SCREENSHOTS = join(__dirname, '..', 'test-output', 'swagger-ui');
const USER = { username: 'arya.stark', email: 'arya-stark@gmail.com', password: 'N0t-T0day!', emailVerified: true };
const ADMIN = { username: 'jon.snow', email: 'jon-snow@gmail.com', password: 'Kn0w-N0thing!', emailVerified: true, roles: ['admin'] };
const MFA_USER = { username: 'bran.stark', email: 'bran-stark@gmail.com', password: 'Thr33-Eyed-Raven', emailVerified: true };

/**
 * A person using Swagger UI in headless Chromium: signs in with Try it out, authorizes with the token it shows and
 * calls GET /api/users/me; syncs a user with an admin's token (x-user-ctx is refused from a browser, Swagger UI
 * included: it is for servers); turns two-factor sign-in on and signs in with a code; finds the groups in the journey
 * order and each documented answer of sign-in shown with a body of its own status. Swagger UI does not depend on
 * the database, so this runs on
 * SQLite only.
 */
describeWithBrowser('Swagger UI in Chromium', () => {
  const run = appInBrowser();
  let base: string;
  let page: Page;
  const outsideRequests: string[] = [];
  /** CSP violations and script errors: a Content-Security-Policy that breaks Swagger UI shows up here by directive. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    base = run.base;
    await syncUser(run.t, USER);
    await syncUser(run.t, ADMIN);
    await syncUser(run.t, MFA_USER);
    page = await run.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
    });
    // Tests never reach outside hosts: anything not served by the app is refused and remembered.
    await page.route(
      (url) => url.origin !== base,
      (route) => {
        outsideRequests.push(route.request().url());
        return route.abort();
      },
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  beforeEach(() => {
    outsideRequests.length = 0;
    pageErrors.length = 0;
  });

  /** Each test ends here: no outside host asked, no script error, no CSP violation. */
  const expectCleanPage = () => expect({ outsideRequests, pageErrors }).toEqual({ outsideRequests: [], pageErrors: [] });

  it('signs in with Try it out, authorizes with the shown token, and GET /api/users/me shows 200 with the e-mail', async () => {
    const ui = new SwaggerUiPage(page);
    await ui.open(`${base}/docs`);

    const login = ui.operation('auth', 'SignInController_login');
    await ui.tryItOut(login, passwordLogin(USER.email, USER.password, CLIENT));
    const signedIn = await ui.execute(login);
    expect(signedIn.status).toBe(200);
    const { accessToken } = JSON.parse(signedIn.body) as { accessToken: string };
    expect(accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    await ui.authorize('bearer', accessToken);

    const me = ui.operation('account', 'UsersController_me');
    await ui.tryItOut(me);
    const shown = await ui.execute(me);
    await me.screenshot({ path: join(SCREENSHOTS, 'me-200.png') });
    expect(shown.status).toBe(200);
    expect(JSON.parse(shown.body)).toMatchObject({ email: USER.email, username: USER.username });
    expect(shown.curl).toContain(`Authorization: Bearer ${accessToken}`);
    expect(shown.body).not.toMatch(/password|\$2[aby]\$/i);
    expectCleanPage();
  }, 120_000);

  it('pre-fills the login body with the seed example', async () => {
    const ui = new SwaggerUiPage(page);
    await ui.open(`${base}/docs`);
    const login = ui.operation('auth', 'SignInController_login');
    await ui.tryItOut(login);
    const body = JSON.parse(await login.locator('textarea.body-param__text').inputValue()) as unknown;
    expect(body).toEqual(passwordLogin('cersei-lannister@gmail.com', 'C3rs3i#L4nnist3r', CLIENT));
    expectCleanPage();
  }, 60_000);

  /** PUT /api/users with its pre-filled body (the seed user), authorized by `scheme` in Swagger UI. */
  async function syncSeedUserAs(scheme: string, value: string) {
    const ui = new SwaggerUiPage(page);
    await ui.open(`${base}/docs`);
    await ui.authorize(scheme, value);
    const upsert = ui.operation('sync', 'UsersController_upsert');
    await ui.tryItOut(upsert);
    return ui.execute(upsert);
  }

  it('refuses x-user-ctx sent from the browser with 403 (the fetch metadata gives it away), and writes nothing', async () => {
    const seedUsers = async () => (await run.t.http().get('/api/users').query({ email: 'cersei-lannister' }).set('x-user-ctx', SYSTEM_CTX)).body as unknown;
    const before = await seedUsers();
    const shown = await syncSeedUserAs('x-user-ctx', SYSTEM_CTX);
    expect(shown.status).toBe(403);
    expect(JSON.parse(shown.body).message).toMatch(/not accepted from a browser/);
    expect(shown.curl).toContain(`x-user-ctx: ${SYSTEM_CTX}`);
    expect(await seedUsers()).toEqual(before);
    expectCleanPage();
  }, 60_000);

  it("creates the seed user with PUT /api/users authorized by an admin's Bearer token (step 1 of the README)", async () => {
    const admin = await loginToken(run.t, ADMIN.email, ADMIN.password);
    const shown = await syncSeedUserAs('bearer', admin);
    expect(shown.status).toBe(200);
    const adminId = (await run.t.http().get('/api/users/me').set('authorization', `Bearer ${admin}`)).body.id as string;
    expect(JSON.parse(shown.body)).toMatchObject({ email: 'cersei-lannister@gmail.com', emailVerified: true, createdBy: adminId });
    expect(shown.curl).toContain(`Authorization: Bearer ${admin}`);
    expectCleanPage();
  }, 60_000);

  it('walks two-factor sign-in: enrol, compute a code from the secret shown, confirm, then sign in with "mfa"', async () => {
    const ui = new SwaggerUiPage(page);
    await ui.open(`${base}/docs`);
    const login = ui.operation('auth', 'SignInController_login');
    await ui.tryItOut(login, passwordLogin(MFA_USER.email, MFA_USER.password, CLIENT));
    const signedIn = await ui.execute(login);
    expect(signedIn.status).toBe(200);
    await ui.authorize('bearer', (JSON.parse(signedIn.body) as { accessToken: string }).accessToken);

    // Enrol: no QR code to scan here; the secret is read from the answer, as a person would type it into an app.
    const start = ui.operation('two-factor', 'TwoFactorController_start');
    await ui.tryItOut(start);
    const enrolment = await ui.execute(start);
    expect(enrolment.status).toBe(200);
    const { secret, qrCode } = JSON.parse(enrolment.body) as { secret: string; qrCode: string };
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    const device = new TotpDevice(secret);

    const confirm = ui.operation('two-factor', 'TwoFactorController_confirm');
    await ui.tryItOut(confirm, { code: device.next(), password: MFA_USER.password });
    const confirmed = await ui.execute(confirm);
    expect(confirmed.status).toBe(200);
    expect((JSON.parse(confirmed.body) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);

    // Sign in again: the password alone now answers 401 mfa_required with an mfaToken ...
    await ui.fillBody(login, passwordLogin(MFA_USER.email, MFA_USER.password, CLIENT));
    const challenged = await ui.execute(login);
    expect(challenged.status).toBe(401);
    const challenge = JSON.parse(challenged.body) as { code: string; mfaToken: string };
    expect(challenge.code).toBe('mfa_required');
    expect(challenged.body).not.toContain('accessToken');

    // ... which goes back with a code as type "mfa".
    await ui.fillBody(login, mfaLogin(challenge.mfaToken, device.next(), CLIENT));
    const done = await ui.execute(login);
    await login.screenshot({ path: join(SCREENSHOTS, 'mfa-signed-in.png') });
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ accessToken: expect.any(String), user: { email: MFA_USER.email, using2FA: true } });
    expect(done.body).not.toContain(secret);
    expectCleanPage();
  }, 120_000);

  it('lists the groups in the journey order, auth first, and shows every documented answer of sign-in as a body of its own status', async () => {
    const ui = new SwaggerUiPage(page);
    await ui.open(`${base}/docs`);
    const tags = await page.locator('.opblock-tag-section h3.opblock-tag').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));
    expect(tags).toEqual(API_TAGS.map((t) => t.name));

    const login = ui.operation('auth', 'SignInController_login');
    await login.locator('.opblock-summary-control').click();
    const rows = login.locator('.responses-wrapper table.responses-table').first().locator('tr.response');
    await rows.first().waitFor();
    const shown: Record<string, number | undefined> = {};
    for (const row of await rows.all()) {
      const code = (await row.getAttribute('data-code')) ?? '';
      const example = row.locator('.highlight-code').first();
      if (!/^[45]/.test(code) || !(await example.count())) continue;
      shown[code] = (JSON.parse(await example.innerText()) as { statusCode?: number }).statusCode;
    }
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '413', '415', '423', '429', '500', '503']));
    expect(Object.entries(shown).filter(([code, status]) => Number(code) !== status)).toEqual([]);
    expectCleanPage();
  }, 60_000);
});
