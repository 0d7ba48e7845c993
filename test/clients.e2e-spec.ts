import { describeEachDatabase } from './support/databases';
import { passwordLogin, syncUser } from './support/seed';
import { startTestApp } from './support/test-app';

describeEachDatabase('client applications (AUTH_CLIENTS)', (kind) => {
  it('refuses a client once it is removed from AUTH_CLIENTS, though its row stays in the database', async () => {
    const old = { clientId: 'old-app', clientSecret: 'old-app-secret-0123456789abcdef0123456789' };
    const db = await kind.create();
    let t = await startTestApp(kind, { AUTH_CLIENTS: `client-app-id:client-app-secret,old-app:${old.clientSecret}` }, { database: db });
    try {
      await syncUser(t, { email: 'client-user@example.test', password: 'Client-user-1' });
      expect((await t.http().post('/api/auth/login').send(passwordLogin('client-user@example.test', 'Client-user-1', old))).status).toBe(200);
      await t.close();
      t = await startTestApp(kind, { AUTH_CLIENTS: 'client-app-id:client-app-secret' }, { database: db });
      const refused = await t.http().post('/api/auth/login').send(passwordLogin('client-user@example.test', 'Client-user-1', old));
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('invalid_client');
      expect((await t.http().post('/api/auth/login').send(passwordLogin('client-user@example.test', 'Client-user-1'))).status).toBe(200);
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
