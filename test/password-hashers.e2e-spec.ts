import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/passwords/password-hasher';
import { describeEachDatabase } from './support/databases';
import { passwordLogin, syncUser } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

const SEED_HASH = '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';

/** Each forced implementation signs in through the whole app, upgrades the seed's hash, and shuts down cleanly. */
describeEachDatabase('PASSWORD_HASHER implementations in the app', (kind) => {
  describe.each([
    ['native', 'native (bcrypt)'],
    ['bcryptjs-workers', 'bcryptjs-workers'],
  ])('PASSWORD_HASHER=%s', (mode, name) => {
    let t: TestApp;
    const login = (who: string, password: string) => t.http().post('/api/auth/login').send(passwordLogin(who, password));

    beforeAll(async () => {
      t = await startTestApp(kind, { PASSWORD_HASHER: mode, PASSWORD_HASHER_THREADS: '1' });
    });
    afterAll(() => t.close());

    it('is the implementation in use', () => {
      expect(t.app.get(PasswordHasher).name).toBe(name);
    });

    it('signs in a synced user, refuses a wrong password, and upgrades a $2b$06$ hash to the configured cost', async () => {
      await syncUser(t, { username: 'tyrion', email: 'tyrion@example.test', password: 'H4lfm4n-wine' });
      expect((await login('tyrion', 'H4lfm4n-wine')).status).toBe(200);
      expect((await login('tyrion', 'H4lfm4n-water')).status).toBe(401);

      const ds = t.app.get(DataSource);
      await ds.query(`UPDATE users SET "passwordHash" = '${SEED_HASH}' WHERE email = 'tyrion@example.test'`);
      expect((await login('tyrion@example.test', 'C3rs3i#L4nnist3r')).status).toBe(200);
      const stored = async () => ((await ds.query(`SELECT "passwordHash" AS h FROM users WHERE email = 'tyrion@example.test'`)) as { h: string }[])[0].h;
      for (let i = 0; i < 100 && (await stored()) === SEED_HASH; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await stored()).toMatch(/^\$2[aby]\$04\$/);
      expect((await login('tyrion', 'C3rs3i#L4nnist3r')).status).toBe(200);
    });
  });
});
