import { DataSource } from 'typeorm';
import { TransactionRunner } from '../src/database/transaction-runner';
import { User } from '../src/users/user.entity';
import { SQLITE } from './support/databases';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

/**
 * SQLite runs every query on one connection: a write from another request while a transaction is open must not
 * become part of that transaction (and vanish with its rollback).
 */
describe('SQLite: a write outside a transaction survives a concurrent rollback', () => {
  const t = useTestApp(SQLITE);

  it('waits for the open transaction, then commits on its own', async () => {
    await syncUser(t, { email: 'tx-victim@example.test' });
    const users = t.app.get(DataSource).getRepository(User);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const failing = t.app.get(TransactionRunner).run(async (em) => {
      await em.getRepository(User).update({ email: 'tx-victim@example.test' }, { name: 'inside the transaction' });
      await held;
      throw new Error('rolled back on purpose');
    });
    // Issued while the transaction is open, as a concurrent request would.
    const outside = users.update({ email: 'tx-victim@example.test' }, { isLocked: true, lockReason: 'admin' });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await outside;
    const row = await users.findOneByOrFail({ email: 'tx-victim@example.test' });
    expect(row.isLocked).toBe(true);
    expect(row.name).toBeNull();
  });
});

/** PRAGMA synchronous: 2 is FULL (each commit fsynced), 1 is NORMAL (synced at checkpoints). */
const synchronousOf = (t: { app: { get(type: typeof DataSource): DataSource } }) =>
  t.app.get(DataSource).query('PRAGMA synchronous').then((rows: Array<{ synchronous: number }>) => rows[0].synchronous);

describe('SQLite: a commit is on disk before it is answered unless SQLITE_SYNCHRONOUS=normal', () => {
  const byDefault = useTestApp(SQLITE, { SQLITE_SYNCHRONOUS: undefined });
  const normal = useTestApp(SQLITE, { SQLITE_SYNCHRONOUS: 'normal' });

  it('runs with synchronous = FULL by default', async () => {
    expect(await synchronousOf(byDefault)).toBe(2);
  });

  it('runs with synchronous = NORMAL when asked', async () => {
    expect(await synchronousOf(normal)).toBe(1);
  });
});
