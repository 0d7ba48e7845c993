import { DataSource, QueryRunner } from 'typeorm';
import { OwnAccountService } from '../src/users/me/own-account.service';
import { User } from '../src/users/user.entity';
import { describeEachDatabase } from './support/databases';
import { eventually } from './support/poll';
import { bearer, loginToken, me as meOf } from './support/sessions';
import { startAppOnDatabase, startTestApp, TestApp, useTestApp } from './support/test-app';
import { adminToken, newSignedInUser, syncUser, TestUser } from './support/users';

/** Records the SQL of every query the app sends to the users table while `work` runs. */
async function usersQueriesDuring(t: TestApp, work: () => Promise<void>): Promise<string[]> {
  const runner = t.app.get(DataSource).createQueryRunner();
  const spy = jest.spyOn(Object.getPrototypeOf(runner) as QueryRunner, 'query');
  try {
    await work();
    return spy.mock.calls.map(([sql]) => sql).filter((sql) => /"users"/.test(sql));
  } finally {
    spy.mockRestore();
    await runner.release();
  }
}

/**
 * A request authenticated by a Bearer token needs the user's current state (deleted, disabled, locked, token
 * generation). It reads the row by primary key and nothing else of the users table; within USER_CACHE_TTL_MS the
 * instance may answer from the row it read, but never after a change made through that same instance.
 */
describeEachDatabase('GET /api/users/me database work', (kind) => {
  describe('with USER_CACHE_TTL_MS=0', () => {
    const t = useTestApp(kind, { USER_CACHE_TTL_MS: '0' });
    let token: string;

    beforeAll(async () => {
      await syncUser(t, { username: 'arya', email: 'arya@example.test', password: 'N0-one-at-all' });
      token = await loginToken(t, 'arya', 'N0-one-at-all');
    });

    it('makes one primary-key lookup of the users table per request', async () => {
      const queries = await usersQueriesDuring(t, async () => {
        for (let i = 0; i < 3; i++) expect((await meOf(t, token)).status).toBe(200);
      });
      expect(queries).toHaveLength(3);
      for (const sql of queries) {
        expect(sql).toMatch(/^SELECT /);
        // The only equality is on the primary key (the soft-delete filter is an IS NULL).
        expect(sql.slice(sql.indexOf(' WHERE ')).match(/"\w+" =/g)).toEqual(['"id" =']);
      }
    });
  });

  describe('with the user cache (USER_CACHE_TTL_MS=60000)', () => {
    const t = useTestApp(kind, { USER_CACHE_TTL_MS: '60000' });
    let admin: string;

    beforeAll(async () => {
      admin = await adminToken(t);
    });

    const newUser = async (prefix: string) => {
      const user = await newSignedInUser(t, { prefix, password: 'Cached-pass1' });
      return { ...user, token: user.session.accessToken };
    };
    const me = (token: string) => meOf(t, token);

    it('reads the row once for repeated requests', async () => {
      const { token } = await newUser('repeat');
      const queries = await usersQueriesDuring(t, async () => {
        for (let i = 0; i < 5; i++) expect((await me(token)).status).toBe(200);
      });
      expect(queries).toHaveLength(1);
    });

    it('shows a profile change made through this instance on the next request', async () => {
      const { token } = await newUser('renamed');
      expect((await me(token)).body.name).toBeNull();
      expect((await t.http().patch('/api/users/me').set('authorization', bearer(token)).send({ name: 'New Name' })).status).toBe(200);
      expect((await me(token)).body.name).toBe('New Name');
    });

    it.each([
      ['locked by an admin', async ({ id }: TestUser) => (await t.http().post(`/api/users/${id}/lock`).set('authorization', bearer(admin)).send({})).status],
      ['deleted by an admin', async ({ id }: TestUser) => (await t.http().delete(`/api/users/${id}`).set('authorization', bearer(admin))).status],
      ['deactivated by a sync', async ({ email }: TestUser) => (await syncUser(t, { email, isActive: false }), 200)],
    ])('refuses the token at once when the user is %s through this instance', async (_what, change) => {
      const user = await newUser('victim');
      expect((await me(user.token)).status).toBe(200);
      expect([200, 204]).toContain(await change(user));
      const after = await me(user.token);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('unauthenticated');
    });
  });

  // Passport keeps strategies in one process-wide registry, so when several apps run in this process the last one
  // started checks the tokens of all of them: in each block below, the instance under test is started last.
  describe('two instances on one database', () => {
    const TTL_MS = 300;
    let writer: TestApp;
    let reader: TestApp;

    beforeAll(async () => {
      writer = await startTestApp(kind);
      reader = await startAppOnDatabase(writer.db, { USER_CACHE_TTL_MS: String(TTL_MS) });
    });
    afterAll(async () => {
      await reader.close();
      await writer.close();
    });

    it('sees a lock made through the other instance once USER_CACHE_TTL_MS has passed', async () => {
      const admin = await adminToken(writer);
      const { id } = (await syncUser(writer, { username: 'far', email: 'far@example.test', password: 'Far-away-pass1' })) as { id: string };
      const token = await loginToken(writer, 'far', 'Far-away-pass1');
      expect((await meOf(reader, token)).status).toBe(200);
      expect((await writer.http().post(`/api/users/${id}/lock`).set('authorization', bearer(admin)).send({})).status).toBe(200);
      // Polled: the reader keeps answering from its remembered row (200) until USER_CACHE_TTL_MS has passed.
      const after = await eventually(() => meOf(reader, token), (res) => res.status !== 200);
      expect(after.status).toBe(401);
    });
  });

  describe('an instance that remembers rows for a minute, beside another', () => {
    let writer: TestApp;
    let slowReader: TestApp;

    beforeAll(async () => {
      writer = await startTestApp(kind);
      slowReader = await startAppOnDatabase(writer.db, { USER_CACHE_TTL_MS: '60000' });
    });
    afterAll(async () => {
      await slowReader.close();
      await writer.close();
    });

    it('accepts at once a session started elsewhere after a password change, and checks the current password fresh', async () => {
      await syncUser(writer, { username: 'mover', email: 'mover@example.test', password: 'First-pass-123' });
      const first = await loginToken(writer, 'mover', 'First-pass-123');
      const seen = await meOf(slowReader, first);
      expect(seen.status).toBe(200);
      // Changed through the other instance's service: its write voids that instance's cache, not the slow reader's.
      const changed = await writer.app.get(OwnAccountService).changePassword(seen.body as User, 'First-pass-123', 'Second-pass-456');
      expect(changed.tokenGeneration).toBeGreaterThan(0);
      const second = await loginToken(writer, 'mover', 'Second-pass-456');
      // The remembered row is of the older generation; the newer token makes the instance read it again.
      expect((await meOf(slowReader, second)).status).toBe(200);
      const again = await slowReader.http().post('/api/users/me/password').set('authorization', bearer(second)).send({ currentPassword: 'Second-pass-456', newPassword: 'Third-pass-789' });
      expect(again.status).toBe(200);
      expect((await meOf(slowReader, first)).status).toBe(401);
    });
  });
});
