import { createHash } from 'node:crypto';
import { DataSource, InsertQueryBuilder, ObjectLiteral } from 'typeorm';
import { Client } from '../src/clients/client.entity';
import { describeEachDatabase, withDatabase } from './support/databases';
import { passwordSignIn } from './support/sessions';
import { startTestApp } from './support/test-app';
import { syncUser } from './support/users';

const RIVAL_CREATED_AT = new Date('2001-02-03T04:05:06.000Z');

/**
 * Another instance, started at the same moment, registers client `id` (with its older secret) just before this
 * one writes its own row: the race of two instances booting together on an empty database.
 */
function rivalRegistersFirst(id: string): void {
  let done = false;
  const execute = InsertQueryBuilder.prototype.execute;
  jest.spyOn(InsertQueryBuilder.prototype, 'execute').mockImplementation(async function (this: InsertQueryBuilder<ObjectLiteral>) {
    const alias = this.expressionMap.mainAlias;
    if (!done && alias?.hasMetadata && alias.target === Client) {
      done = true;
      const row = { id, secretHash: 'f'.repeat(64), createdAt: RIVAL_CREATED_AT, updatedAt: RIVAL_CREATED_AT };
      await this.connection.getRepository(Client).insert(row);
    }
    return execute.call(this);
  });
}

describeEachDatabase('client applications (AUTH_CLIENTS)', (kind) => {
  afterEach(() => jest.restoreAllMocks());

  it('boots when another instance registers the same client just before this one writes it (upsert, no PK clash)', async () => {
    await withDatabase(kind, async (database) => {
      rivalRegistersFirst('client-app-id');
      const t = await startTestApp(kind, {}, { database });
      const row = await t.app.get(DataSource).getRepository(Client).findOneByOrFail({ id: 'client-app-id' });
      await t.close();
      // This instance's secret wins (the latest started), and the row keeps the date it was first registered.
      expect(row.secretHash).toBe(createHash('sha256').update('client-app-secret').digest('hex'));
      expect(row.createdAt.getTime()).toBe(RIVAL_CREATED_AT.getTime());
    });
  });

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
