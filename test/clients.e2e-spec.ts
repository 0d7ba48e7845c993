import { describeEachDatabase, withDatabase } from './support/databases';
import { passwordSignIn } from './support/sessions';
import { startTestApp } from './support/test-app';
import { syncUser } from './support/users';

describeEachDatabase('client applications (AUTH_CLIENTS)', (kind) => {
  it('refuses a client once it is removed from AUTH_CLIENTS, though its row stays in the database', async () => {
    const old = { clientId: 'old-app', clientSecret: 'old-app-secret-0123456789abcdef0123456789' };
    await withDatabase(kind, async (database) => {
      let t = await startTestApp(kind, { AUTH_CLIENTS: `client-app-id:client-app-secret,old-app:${old.clientSecret}` }, { database });
      try {
        await syncUser(t, { email: 'client-user@example.test', password: 'Client-user-1' });
        expect((await passwordSignIn(t, 'client-user@example.test', 'Client-user-1', old)).status).toBe(200);
        await t.close();
        t = await startTestApp(kind, { AUTH_CLIENTS: 'client-app-id:client-app-secret' }, { database });
        const refused = await passwordSignIn(t, 'client-user@example.test', 'Client-user-1', old);
        expect(refused.status).toBe(401);
        expect(refused.body.code).toBe('invalid_client');
        expect((await passwordSignIn(t, 'client-user@example.test', 'Client-user-1')).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  });
});
