import { describeEachDatabase } from './support/databases';
import { expect400Naming, withoutRequestId } from './support/expectations';
import { CLIENT, passwordLogin } from './support/seed';
import { giveSeedHash, hashAfterUpgrade, SEED_PASSWORD } from './support/seed-hash';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

describeEachDatabase('POST /api/auth/login (password)', (kind) => {
  const login = (body: unknown) => t.http().post('/api/auth/login').send(body as object);

  const t = useTestApp(kind);
  beforeAll(async () => {
    await syncUser(t, { username: 'jaime', email: 'jaime@example.test', password: 'Kingslayer-1', emailVerified: true });
  });

  it('signs in by e-mail in any case, and by username', async () => {
    expect((await login(passwordLogin('  JAIME@Example.TEST ', 'Kingslayer-1'))).status).toBe(200);
    const res = await login(passwordLogin('Jaime', 'Kingslayer-1'));
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('jaime');
  });

  it('answers unknown user and wrong password with one identical body', async () => {
    const unknown = await login(passwordLogin('nobody@example.test', 'Kingslayer-1'));
    const wrong = await login(passwordLogin('jaime@example.test', 'Kingslayer-2'));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(unknown.body.requestId).not.toEqual(wrong.body.requestId);
  });

  it('refuses an unknown client, a wrong or missing secret, with invalid_client', async () => {
    for (const client of [
      { clientId: 'nope', clientSecret: 'client-app-secret' },
      { clientId: 'client-app-id', clientSecret: 'wrong' },
      { clientId: 'client-app-id' },
    ]) {
      const res = await login(passwordLogin('jaime@example.test', 'Kingslayer-1', client));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_client');
    }
  });

  it('accepts a public client without a secret', async () => {
    const res = await login(passwordLogin('jaime@example.test', 'Kingslayer-1', { clientId: 'spa-app' }));
    expect(res.status).toBe(200);
  });

  it.each([
    [{ ...CLIENT, withPassword: { emailOrUsername: 'a', password: 'b' } }, 'type'],
    [{ type: 'magic', ...CLIENT }, 'type'],
    [{ type: 'password', clientSecret: 'x', withPassword: { emailOrUsername: 'a', password: 'b' } }, 'clientId'],
    [{ type: 'password', ...CLIENT }, 'withPassword'],
    [{ type: 'password', ...CLIENT, withPassword: { password: 'b' } }, 'withPassword.emailOrUsername'],
    [{ type: 'password', ...CLIENT, withPassword: { emailOrUsername: 'a' } }, 'withPassword.password'],
    [{ type: 'password', ...CLIENT, withPassword: { emailOrUsername: 'a', password: 'b' }, extra: 1 }, 'extra'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    expect400Naming(await login(body), field);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('[1,2]');
    expect(res.status).toBe(400);
  });

  it('refuses an inactive user with 401 and a locked user with 423, even with the right password', async () => {
    await syncUser(t, { email: 'inactive@example.test', password: 'Inactive-pw1', isActive: false });
    await syncUser(t, { email: 'locked@example.test', password: 'Locked-pw1' });
    await sql(t, `UPDATE users SET "isLocked" = true WHERE email = 'locked@example.test'`);
    const inactive = await login(passwordLogin('inactive@example.test', 'Inactive-pw1'));
    expect(inactive.status).toBe(401);
    const locked = await login(passwordLogin('locked@example.test', 'Locked-pw1'));
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
  });

  it('refuses a soft-deleted user with the usual 401 body', async () => {
    await syncUser(t, { email: 'gone@example.test', password: 'Deleted-pw1' });
    await sql(t, `UPDATE users SET "deletedAt" = CURRENT_TIMESTAMP WHERE email = 'gone@example.test'`);
    const res = await login(passwordLogin('gone@example.test', 'Deleted-pw1'));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
  });

  it('accepts the seed document hash ($2b$06$) and upgrades it to the configured cost after sign-in', async () => {
    await syncUser(t, { username: 'cersei.lannister', email: 'cersei@example.test' });
    await giveSeedHash(t, 'cersei@example.test');
    expect((await login(passwordLogin('cersei.lannister', SEED_PASSWORD))).status).toBe(200);
    expect(await hashAfterUpgrade(t, 'cersei@example.test')).toMatch(/^\$2[aby]\$04\$/);
    expect((await login(passwordLogin('cersei.lannister', SEED_PASSWORD))).status).toBe(200);
  });

  it('never returns a password hash in the login response', async () => {
    const res = await login(passwordLogin('jaime@example.test', 'Kingslayer-1'));
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$|passwordHash|"password"/);
  });
});
