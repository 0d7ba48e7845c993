import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachDatabase, withDatabase } from './support/databases';
import { passwordSignIn, signIn } from './support/sessions';
import { startTestApp } from './support/test-app';
import { syncUser } from './support/users';

const EMAIL = 'first.admin@example.test';
const PASSWORD = 'First-adm1n-passw0rd';

/** A password file as a container secret would be: the password and a final line break. */
function passwordFile(name: string, password: string): string {
  const path = join(process.env.GATEHOUSE_TEST_TMP as string, name);
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return path;
}

const bootstrapEnv = (password = PASSWORD) => ({ BOOTSTRAP_ADMIN_EMAIL: EMAIL, BOOTSTRAP_ADMIN_PASSWORD_FILE: passwordFile(`admin-${password.length}-${Date.now()}`, password) });

describeEachDatabase('BOOTSTRAP_ADMIN_EMAIL: the first admin', (kind) => {
  it('is created at start when no admin exists, from the password file, and can use the admin API', async () => {
    const t = await startTestApp(kind, bootstrapEnv());
    try {
      const session = await signIn(t, EMAIL, PASSWORD);
      const me = await t.http().get('/api/users/me').set('authorization', `Bearer ${session.accessToken}`);
      expect(me.body).toMatchObject({ email: EMAIL, roles: ['admin'], emailVerified: true, createdBy: 'bootstrap' });
      expect((await t.http().get('/api/users').set('authorization', `Bearer ${session.accessToken}`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('is never touched again: a restart with another password changes nothing', async () => {
    await withDatabase(kind, async (database) => {
      const first = await startTestApp(kind, bootstrapEnv(), { database });
      await first.close();
      const again = await startTestApp(kind, bootstrapEnv('Another-passw0rd-9'), { database });
      try {
        expect((await passwordSignIn(again, EMAIL, PASSWORD)).status).toBe(200);
        expect((await passwordSignIn(again, EMAIL, 'Another-passw0rd-9')).status).toBe(401);
      } finally {
        await again.close();
      }
    });
  });

  it('is not created when an admin exists already', async () => {
    await withDatabase(kind, async (database) => {
      const plain = await startTestApp(kind, {}, { database });
      await syncUser(plain, { email: 'existing.admin@example.test', password: 'Existing-adm1n', roles: ['admin'] });
      await plain.close();
      const t = await startTestApp(kind, bootstrapEnv(), { database });
      try {
        expect((await passwordSignIn(t, EMAIL, PASSWORD)).status).toBe(401);
      } finally {
        await t.close();
      }
    });
  });

  it('does not promote an existing user who has the e-mail: no admin, the user unchanged, the service up', async () => {
    await withDatabase(kind, async (database) => {
      const plain = await startTestApp(kind, {}, { database });
      await syncUser(plain, { email: EMAIL, password: 'Users-own-passw0rd' });
      await plain.close();
      const t = await startTestApp(kind, bootstrapEnv(), { database });
      try {
        expect((await passwordSignIn(t, EMAIL, PASSWORD)).status).toBe(401);
        const session = await signIn(t, EMAIL, 'Users-own-passw0rd');
        expect((await t.http().get('/api/users').set('authorization', `Bearer ${session.accessToken}`)).status).toBe(403);
      } finally {
        await t.close();
      }
    });
  });

  it('stops start-up on a password the policy refuses, naming the variable and never the password', async () => {
    const started = startTestApp(kind, { BOOTSTRAP_ADMIN_EMAIL: EMAIL, BOOTSTRAP_ADMIN_PASSWORD: 'Sh0rt-pw', PASSWORD_MIN_LENGTH: '12' });
    await expect(started).rejects.toThrow('Invalid configuration:\n  BOOTSTRAP_ADMIN_PASSWORD(_FILE): must be at least 12 characters');
    await expect(started).rejects.not.toThrow('Sh0rt-pw');
  });
});
