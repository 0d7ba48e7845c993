import { describeEachDatabase } from './support/databases';
import { bearer, loginToken, me } from './support/sessions';
import { useTestApp } from './support/test-app';
import { adminToken, putUser, syncUser } from './support/users';

/** Issued tokens carry `groups`, which other services trust: a change of roles must end them. */
describeEachDatabase('a change of roles ends the sessions', (kind) => {
  const t = useTestApp(kind);

  it('through PATCH /api/users/:id', async () => {
    const admin = await adminToken(t);
    const user = await syncUser(t, { email: 'demoted@example.test', password: 'Demoted-pw-1', roles: ['admin'] });
    const token = await loginToken(t, 'demoted@example.test', 'Demoted-pw-1');
    expect((await me(t, token)).status).toBe(200);
    const patched = await t.http().patch(`/api/users/${user.id as string}`).set('authorization', bearer(admin)).send({ roles: ['user'] });
    expect(patched.status).toBe(200);
    expect((await me(t, token)).status).toBe(401);
  });

  it('through a sync, but not through a sync that leaves the roles as they are', async () => {
    await syncUser(t, { email: 'resynced@example.test', password: 'Resynced-pw-1', roles: ['user'] });
    const token = await loginToken(t, 'resynced@example.test', 'Resynced-pw-1');
    await putUser(t, { email: 'resynced@example.test', roles: ['user'], firstName: 'Same' });
    expect((await me(t, token)).status).toBe(200);
    await putUser(t, { email: 'resynced@example.test', roles: ['user', 'admin'] });
    expect((await me(t, token)).status).toBe(401);
  });
});
