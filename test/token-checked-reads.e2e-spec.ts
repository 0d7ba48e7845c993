import { DataSource, QueryRunner } from 'typeorm';
import { describeEachDatabase } from './support/databases';
import { loginToken, syncUser } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A request authenticated by a Bearer token reads the user row once, by primary key (fresh each time: no cache, so a
 * disabled or locked user is refused at once), and nothing else of the users table.
 */
describeEachDatabase('GET /api/users/me database work', (kind) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await syncUser(t, { username: 'arya', email: 'arya@example.test', password: 'N0-one-at-all' });
    token = await loginToken(t, 'arya', 'N0-one-at-all');
  });
  afterAll(() => t.close());

  it('makes one primary-key lookup of the users table per request', async () => {
    const ds = t.app.get(DataSource);
    const runner = ds.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as QueryRunner;
    const spy = jest.spyOn(proto, 'query');
    try {
      for (let i = 0; i < 3; i++) expect((await t.http().get('/api/users/me').set('authorization', `Bearer ${token}`)).status).toBe(200);
      const userQueries = spy.mock.calls.map(([sql]) => sql).filter((sql) => /"users"/.test(sql));
      expect(userQueries).toHaveLength(3);
      for (const sql of userQueries) {
        const where = sql.slice(sql.indexOf(' WHERE '));
        expect(sql).toMatch(/^SELECT /);
        // The only equality is on the primary key (the soft-delete filter is an IS NULL).
        expect(where.match(/"User"\."\w+" =/g)).toEqual(['"User"."id" =']);
      }
    } finally {
      spy.mockRestore();
      if (kind.name === 'postgres') await runner.release();
    }
  });
});
