import { PasswordHasher } from '../src/passwords/password-hasher';
import { describeEachDatabase } from './support/databases';
import { giveSeedHash, hashAfterUpgrade, SEED_PASSWORD } from './support/seed-hash';
import { passwordSignIn } from './support/sessions';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

/** Each forced implementation signs in through the whole app, upgrades the seed's hash, and shuts down cleanly. */
describeEachDatabase('PASSWORD_HASHER implementations in the app', (kind) => {
  describe.each([
    ['native', 'native (bcrypt)'],
    ['bcryptjs-workers', 'bcryptjs-workers'],
  ])('PASSWORD_HASHER=%s', (mode, name) => {
    const login = (who: string, password: string) => passwordSignIn(t, who, password);

    const t = useTestApp(kind, { PASSWORD_HASHER: mode, PASSWORD_HASHER_THREADS: '1' });

    it('is the implementation in use', () => {
      expect(t.app.get(PasswordHasher).name).toBe(name);
    });

    it('signs in a synced user, refuses a wrong password, and upgrades a $2b$06$ hash to the configured cost', async () => {
      await syncUser(t, { username: 'tyrion', email: 'tyrion@example.test', password: 'H4lfm4n-wine' });
      expect((await login('tyrion', 'H4lfm4n-wine')).status).toBe(200);
      expect((await login('tyrion', 'H4lfm4n-water')).status).toBe(401);

      await giveSeedHash(t, 'tyrion@example.test');
      expect((await login('tyrion@example.test', SEED_PASSWORD)).status).toBe(200);
      expect(await hashAfterUpgrade(t, 'tyrion@example.test')).toMatch(/^\$2[aby]\$04\$/);
      expect((await login('tyrion', SEED_PASSWORD)).status).toBe(200);
    });
  });
});
