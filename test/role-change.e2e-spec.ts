import { describeEachDatabase } from './support/databases';
import { adminToken, loginToken, SYSTEM_CTX, syncUser } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

/** Issued tokens carry `groups`, which other services trust: a change of roles must end them. */
describeEachDatabase('a change of roles ends the sessions', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  const me = (token: string) => t.http().get('/api/users/me').set('authorization', `Bearer ${token}`);

  it('through PATCH /api/users/:id', async () => {
    const admin = await adminToken(t);
    const user = await syncUser(t, { email: 'demoted@example.test', password: 'Demoted-pw-1', roles: ['admin'] });
    const token = await loginToken(t, 'demoted@example.test', 'Demoted-pw-1');
    expect((await me(token)).status).toBe(200);
    const patched = await t.http().patch(`/api/users/${user.id as string}`).set('authorization', `Bearer ${admin}`).send({ roles: ['user'] });
    expect(patched.status).toBe(200);
    expect((await me(token)).status).toBe(401);
  });

  it('through a sync, but not through a sync that leaves the roles as they are', async () => {
    await syncUser(t, { email: 'resynced@example.test', password: 'Resynced-pw-1', roles: ['user'] });
    const token = await loginToken(t, 'resynced@example.test', 'Resynced-pw-1');
    await t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).send({ email: 'resynced@example.test', roles: ['user'], firstName: 'Same' });
    expect((await me(token)).status).toBe(200);
    await t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).send({ email: 'resynced@example.test', roles: ['user', 'admin'] });
    expect((await me(token)).status).toBe(401);
  });
});
