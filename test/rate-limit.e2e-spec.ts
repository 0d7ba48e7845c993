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
  const loginFrom = (ip: string, who: string, password = 'Wrong-passw0rd'): Promise<RawResponse> =>
    httpFrom(ip, `${base}/api/auth/login`, { method: 'POST', body: passwordLogin(who, password) });
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

  it('checks the limit before the password, so the right password does not get through either', async () => {
    expect((await loginFrom('127.0.0.20', 'owner@example.test', 'Owner-passw0rd')).status).toBe(200);
    expect((await loginFrom('127.0.0.21', 'owner@example.test', 'Owner-passw0rd')).status).toBe(200);
    expect429(await loginFrom('127.0.0.22', 'owner@example.test', 'Owner-passw0rd'));
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
