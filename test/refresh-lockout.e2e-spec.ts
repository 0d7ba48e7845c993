import { describeEachDatabase } from './support/databases';
import { CLIENT, passwordLogin, syncUser } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

describeEachDatabase('refresh tokens during an automatic lockout', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { LOCKOUT_THRESHOLD: '3', LOCKOUT_DURATION: '1s' });
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string) =>
    t.http().post('/api/auth/login').send({ type: 'refresh_token', ...CLIENT, withRefreshToken: { refreshToken } });

  it('pauses the session (423) instead of revoking it, so wrong passwords typed by anyone cannot sign the owner out', async () => {
    await syncUser(t, { email: 'paused@example.test', password: 'Paused-pw-1' });
    const login = await t.http().post('/api/auth/login').send(passwordLogin('paused@example.test', 'Paused-pw-1'));
    expect(login.status).toBe(200);
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/login').send(passwordLogin('paused@example.test', 'wrong-password'));
    const locked = await refresh(login.body.refreshToken);
    expect(locked.status).toBe(423);
    await new Promise((r) => setTimeout(r, 1200));
    const resumed = await refresh(login.body.refreshToken);
    expect(resumed.status).toBe(200);
    expect(resumed.body.refreshToken).toEqual(expect.any(String));
  });
});
