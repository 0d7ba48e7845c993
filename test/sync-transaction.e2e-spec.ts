import { BulkRows } from '../src/database/bulk-rows';
import { describeEachDatabase } from './support/databases';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { putUser, syncUser } from './support/users';

/**
 * A sync is one transaction: when something fails after a statement has been written, that statement is rolled
 * back. The failure is injected right after the write (the upsert that inserts a new user or updates an existing
 * one: BulkRows.upsert, the one write of a sync and of each import batch).
 */
describeEachDatabase('PUT /api/users is one transaction', (kind) => {
  const rows = (email: string) => sql(t, `SELECT name FROM users WHERE email = '${email}'`);
  const failAfterUpsert = () => {
    const original = BulkRows.prototype.upsert;
    return jest.spyOn(BulkRows.prototype, 'upsert').mockImplementationOnce(async function (this: BulkRows<object>, ...args) {
      await original.apply(this, args);
      throw new Error('failure injected after the upsert');
    });
  };
  const put = (body: object) => putUser(t, body);

  const t = useTestApp(kind);
  afterEach(() => jest.restoreAllMocks());

  it('leaves no user behind when the creation fails after the insert', async () => {
    const spy = failAfterUpsert();
    const res = await put({ email: 'half@example.test', name: 'Half Written', password: 'Half-written1' });
    expect(spy).toHaveBeenCalled();
    expect(res.status).toBe(500);
    expect(await rows('half@example.test')).toEqual([]);
    // And the same sync succeeds once nothing fails: no leftover lock or unique clash.
    await expect(syncUser(t, { email: 'half@example.test', name: 'Half Written' })).resolves.toMatchObject({ name: 'Half Written' });
  });

  it('keeps the previous values when an update fails after the write', async () => {
    await syncUser(t, { email: 'kept@example.test', name: 'Before' });
    const spy = failAfterUpsert();
    const res = await put({ email: 'kept@example.test', name: 'After' });
    expect(spy).toHaveBeenCalled();
    expect(res.status).toBe(500);
    expect(await rows('kept@example.test')).toEqual([{ name: 'Before' }]);
  });

  it('updates, not 409, when a concurrent sync of the same identity commits between the read and the write', async () => {
    const body = { email: 'racer@example.test', username: 'racer', name: 'Second' };
    await syncUser(t, { ...body, name: 'First' });
    // The read runs before the other sync's commit (finds nothing), so the insert clashes; the next attempt updates.
    const spy = jest.spyOn(BulkRows.prototype, 'findAny').mockResolvedValueOnce([]);
    const res = await put(body);
    expect(spy).toHaveBeenCalled();
    expect(res.status).toBe(200);
    expect(await rows('racer@example.test')).toEqual([{ name: 'Second' }]);
  });
});
