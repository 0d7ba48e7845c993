import { describeEachDatabase } from './support/databases';
import { httpFrom, RawResponse } from './support/http-from';
import { CLIENT, passwordLogin } from './support/seed';
import { listen, useTestApp } from './support/test-app';
import { syncUser } from './support/users';

const PER_IP = 3;
const PER_ACCOUNT = 2;

describeEachDatabase('login rate limits', (kind) => {
  let base: string;
  /** A login from `ip` (a distinct loopback address per simulated client). */
  const loginFrom = (ip: string, who: string, password = 'Wrong-passw0rd', headers: Record<string, string> = {}): Promise<RawResponse> =>
    httpFrom(ip, `${base}/api/auth/login`, { method: 'POST', body: passwordLogin(who, password), headers });
  const expect429 = (res: RawResponse) => {
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('rate_limited');
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
  };

  const t = useTestApp(kind, {
      LOGIN_RATE_LIMIT_IP: String(PER_IP),
      LOGIN_RATE_LIMIT_ACCOUNT: String(PER_ACCOUNT),
      LOGIN_RATE_LIMIT_WINDOW: '1h',
    });
  beforeAll(async () => {
    base = await listen(t);
    await syncUser(t, { email: 'owner@example.test', password: 'Owner-passw0rd' });
  });

  it(`answers 429 with Retry-After once one address has made ${PER_IP} attempts, whatever the account`, async () => {
    for (let i = 1; i <= PER_IP; i++) expect((await loginFrom('127.0.0.2', `ip-${i}@example.test`)).status).toBe(401);
    expect429(await loginFrom('127.0.0.2', 'ip-fresh@example.test'));
    // Another address is not affected.
    expect((await loginFrom('127.0.0.3', 'ip-fresh@example.test')).status).toBe(401);
  });

  it(`answers 429 once one account has had ${PER_ACCOUNT} attempts, whatever the address and however it is spelt`, async () => {
    expect((await loginFrom('127.0.0.10', 'victim@example.test')).status).toBe(401);
    expect((await loginFrom('127.0.0.11', 'Victim@Example.TEST')).status).toBe(401);
    expect429(await loginFrom('127.0.0.12', '  VICTIM@example.test '));
    // Another account from the same address is not affected.
    expect((await loginFrom('127.0.0.12', 'bystander@example.test')).status).toBe(401);
  });

  it('never counts successful sign-ins: the owner signs in more often than the limit (finding 1)', async () => {
    for (let i = 0; i < PER_ACCOUNT + 2; i++) expect((await loginFrom(`127.0.0.${60 + i}`, 'owner@example.test', 'Owner-passw0rd')).status).toBe(200);
  });

  it('never counts requests refused as invalid, such as an Orion Google sign-in naming the account (finding 1)', async () => {
    for (let i = 0; i < PER_ACCOUNT + 1; i++) {
      const google = await httpFrom(`127.0.0.${70 + i}`, `${base}/users/login/google`, { method: 'POST', body: { email: 'owner@example.test' } });
      expect(google.status).toBe(400);
      const noPassword = await httpFrom(`127.0.0.${70 + i}`, `${base}/users/login`, { method: 'POST', body: { email: 'owner@example.test' } });
      expect(noPassword.status).toBe(400);
    }
    expect((await loginFrom('127.0.0.79', 'owner@example.test', 'Owner-passw0rd')).status).toBe(200);
  });

  it('counts the username and the e-mail of one account together (finding 1)', async () => {
    await syncUser(t, { email: 'twofold@example.test', username: 'twofold', password: 'Twofold-passw0rd' });
    expect((await loginFrom('127.0.0.80', 'twofold@example.test')).status).toBe(401);
    expect((await loginFrom('127.0.0.81', 'TWOFOLD')).status).toBe(401);
    expect429(await loginFrom('127.0.0.82', 'twofold@example.test'));
    expect429(await loginFrom('127.0.0.83', 'twofold'));
  });

  it('checks the limit before the password: past it, the right password does not get through a new client either', async () => {
    await syncUser(t, { email: 'guarded@example.test', password: 'Guarded-passw0rd' });
    const owner = await loginFrom('127.0.0.90', 'guarded@example.test', 'Guarded-passw0rd');
    expect(owner.status).toBe(200);
    expect((await loginFrom('127.0.0.91', 'guarded@example.test')).status).toBe(401);
    expect((await loginFrom('127.0.0.92', 'guarded@example.test')).status).toBe(401);
    expect429(await loginFrom('127.0.0.93', 'guarded@example.test', 'Guarded-passw0rd'));
    // The owner's device keeps its own budget: the attackers' failures cost it nothing.
    const device = { 'x-device-token': owner.body.deviceToken as string };
    expect((await loginFrom('127.0.0.90', 'guarded@example.test', 'Guarded-passw0rd', device)).status).toBe(200);
  });

  it('counts bodies that name no account against the address only', async () => {
    const noAccount = (ip: string) =>
      httpFrom(ip, `${base}/api/auth/login`, { method: 'POST', body: { type: 'password', ...CLIENT } });
    for (let i = 0; i < PER_IP; i++) expect((await noAccount('127.0.0.30')).status).toBe(400);
    expect429(await noAccount('127.0.0.30'));
  });

  it('leaves other routes alone', async () => {
    for (let i = 0; i < PER_IP + 2; i++) {
      expect((await httpFrom('127.0.0.2', `${base}/api/users/me`, { method: 'GET' })).status).toBe(401);
    }
  });
});
