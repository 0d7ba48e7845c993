import { describeEachDatabase } from './support/databases';
import { CLIENT, passwordLogin, syncUser } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

describeEachDatabase('sessions and the automatic lockout', (kind) => {
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

  it('counts wrong current passwords on POST /api/users/me/password toward the lockout', async () => {
    await syncUser(t, { email: 'guessed@example.test', password: 'Guessed-pw-1' });
    const login = await t.http().post('/api/auth/login').send(passwordLogin('guessed@example.test', 'Guessed-pw-1'));
    const bearer = `Bearer ${login.body.accessToken}`;
    for (let i = 0; i < 3; i++) {
      const res = await t.http().post('/api/users/me/password').set('authorization', bearer).send({ currentPassword: `guess-${i}-xx`, newPassword: 'Taken-over-1' });
      expect(res.status).toBe(403);
    }
    expect((await t.http().post('/api/users/me/password').set('authorization', bearer).send({ currentPassword: 'Guessed-pw-1', newPassword: 'Taken-over-1' })).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send(passwordLogin('guessed@example.test', 'Guessed-pw-1'))).status).toBe(423);
  });

  it('answers an unknown e-mail like a real account: 401 up to the threshold, then 423', async () => {
    await syncUser(t, { email: 'real-one@example.test', password: 'Real-one-pw-1' });
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push((await t.http().post('/api/auth/login').send(passwordLogin(email, 'wrong-password'))).status);
      return out;
    };
    const real = await statuses('real-one@example.test');
    expect(real).toEqual([401, 401, 401, 423, 423]);
    await expect(statuses('nobody-here@example.test')).resolves.toEqual(real);
  });
});
