import { describeEachDatabase } from './support/databases';
import { eventually } from './support/poll';
import { bearer, me, passwordSignIn, refresh } from './support/sessions';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

describeEachDatabase('sessions and the automatic lockout', (kind) => {
  // Long enough for the few requests each test makes while the lock must hold; the one wait for its end polls.
  const t = useTestApp(kind, { LOCKOUT_THRESHOLD: '3', LOCKOUT_DURATION: '500ms' });

  it('neither ends nor pauses the session, so wrong passwords typed by anyone cannot sign the owner out', async () => {
    await syncUser(t, { email: 'paused@example.test', password: 'Paused-pw-1' });
    const login = await passwordSignIn(t, 'paused@example.test', 'Paused-pw-1');
    expect(login.status).toBe(200);
    for (let i = 0; i < 3; i++) await passwordSignIn(t, 'paused@example.test', 'wrong-password');
    expect((await passwordSignIn(t, 'paused@example.test', 'Paused-pw-1')).status).toBe(423);
    expect((await me(t, login.body.accessToken)).status).toBe(200);
    const resumed = await refresh(t, login.body.refreshToken);
    expect(resumed.status).toBe(200);
    expect(resumed.body.refreshToken).toEqual(expect.any(String));
    // After the lock, the rotated session is still the one in use.
    await eventually(() => passwordSignIn(t, 'paused@example.test', 'Paused-pw-1'), (res) => res.status !== 423);
    expect((await refresh(t, resumed.body.refreshToken)).status).toBe(200);
  });

  it('counts wrong current passwords on POST /api/users/me/password toward the lockout', async () => {
    await syncUser(t, { email: 'guessed@example.test', password: 'Guessed-pw-1' });
    const login = await passwordSignIn(t, 'guessed@example.test', 'Guessed-pw-1');
    const auth = bearer(login.body.accessToken);
    for (let i = 0; i < 3; i++) {
      const res = await t.http().post('/api/users/me/password').set('authorization', auth).send({ currentPassword: `guess-${i}-xx`, newPassword: 'Taken-over-1' });
      expect(res.status).toBe(403);
    }
    // Past the threshold the current password is not even checked (423, as a sign-in would answer), while the
    // session itself goes on: an automatic lock never ends or pauses one.
    const locked = await t.http().post('/api/users/me/password').set('authorization', auth).send({ currentPassword: 'Guessed-pw-1', newPassword: 'Taken-over-1' });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
    expect((await me(t, login.body.accessToken)).status).toBe(200);
    expect((await passwordSignIn(t, 'guessed@example.test', 'Guessed-pw-1')).status).toBe(423);
  });

  it('answers an unknown e-mail like a real account: 401 up to the threshold, then 423', async () => {
    await syncUser(t, { email: 'real-one@example.test', password: 'Real-one-pw-1' });
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push((await passwordSignIn(t, email, 'wrong-password')).status);
      return out;
    };
    const real = await statuses('real-one@example.test');
    expect(real).toEqual([401, 401, 401, 423, 423]);
    await expect(statuses('nobody-here@example.test')).resolves.toEqual(real);
  });
});
