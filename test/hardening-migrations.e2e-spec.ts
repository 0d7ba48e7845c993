import { DataSource } from 'typeorm';
import { NormalizeEmails1764000200000 } from '../src/database/migrations/1764000200000-NormalizeEmails';
import { IdentityLinks1764000200001 } from '../src/database/migrations/1764000200001-IdentityLinks';
import { describeEachDatabase } from './support/databases';
import { passwordSignIn } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { newUser } from './support/users';

/** The data the account-protection migrations find in a database written before them. */
describeEachDatabase('account-protection migrations on existing data', (kind) => {
  const t = useTestApp(kind);
  const p = (i: number) => (kind.name === 'postgres' ? `$${i}` : '?');
  /** Runs one migration step on the app's database, as the migration runner would. */
  const run = async (step: (runner: ReturnType<DataSource['createQueryRunner']>) => Promise<void>) => {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await step(runner);
    } finally {
      await runner.release();
    }
  };

  it('rewrites e-mails stored before NFKC normalisation, unless the normal form belongs to another user', async () => {
    const fullWidth = await newUser(t, { prefix: 'wide' });
    const clash = await newUser(t, { prefix: 'clash' });
    const owner = await newUser(t, { prefix: 'owner' });
    const wide = (email: string) => email.replace(/[a-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
    await sql(t, `UPDATE users SET email = ${p(1)} WHERE id = ${p(2)}`, [wide(fullWidth.email), fullWidth.id]);
    await sql(t, `UPDATE users SET email = ${p(1)} WHERE id = ${p(2)}`, [wide(owner.email), clash.id]);

    await run((runner) => new NormalizeEmails1764000200000().up(runner));

    const emails = await sql<{ id: string; email: string }>(t, `SELECT id, email FROM users WHERE id IN (${p(1)}, ${p(2)}, ${p(3)}) ORDER BY id`, [fullWidth.id, clash.id, owner.id]);
    expect(emails).toEqual([
      { id: fullWidth.id, email: fullWidth.email },
      { id: clash.id, email: wide(owner.email) },
      { id: owner.id, email: owner.email },
    ]);
    expect((await passwordSignIn(t, wide(fullWidth.email), fullWidth.password)).body.user?.id).toBe(fullWidth.id);
  });

  it('keeps the first Google link of a user and marks later ones (made silently by e-mail) unlinked', async () => {
    const user = await newUser(t, { prefix: 'twolinks' });
    await run((runner) => new IdentityLinks1764000200001().down(runner));
    const insert = `INSERT INTO identities (provider, subject, "userId", "createdAt") VALUES ('google', ${p(1)}, ${p(2)}, ${p(3)})`;
    const at = (ms: number) => (kind.name === 'postgres' ? new Date(ms) : new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));
    await sql(t, insert, ['sub-first', user.id, at(1_700_000_000_000)]);
    await sql(t, insert, ['sub-second', user.id, at(1_700_000_100_000)]);

    await run((runner) => new IdentityLinks1764000200001().up(runner));

    const rows = await sql<{ subject: string; unlinkedAt: unknown }>(t, `SELECT subject, "unlinkedAt" FROM identities WHERE "userId" = ${p(1)} ORDER BY subject`, [user.id]);
    expect(rows.map((r) => [r.subject, r.unlinkedAt === null])).toEqual([
      ['sub-first', true],
      ['sub-second', false],
    ]);
    await expect(sql(t, insert, ['sub-third', user.id, at(1_700_000_200_000)])).rejects.toThrow();
  });
});
