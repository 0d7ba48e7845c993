import { PasswordHasher } from '../src/passwords/password-hasher';
import { describeEachDatabase } from './support/databases';
import { eventually } from './support/poll';
import { bearer, passwordSignIn, signIn } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { adminToken, newUser, syncUser } from './support/users';

const NFC = 'Crème-brûlée-Ørsted-1';
const NFD = NFC.normalize('NFD');

/**
 * Findings 8 and 12 of the account-protection issue: what a password or an e-mail is, whatever bytes stand for it.
 * A password is compared in NFC and never beyond bcrypt's 72 bytes; an e-mail is NFKC-normalised before lower-casing.
 */
describeEachDatabase('password and e-mail forms', (kind) => {
  const t = useTestApp(kind);
  const orionLogin = (email: string, password: string) => t.http().post('/users/login').send({ email, password });
  const storedHash = async (id: string) => (await sql<{ passwordHash: string }>(t, `SELECT "passwordHash" FROM users WHERE id = '${id}'`))[0].passwordHash;

  describe('finding 8: bcrypt compares 72 bytes only', () => {
    const SEVENTY_TWO = `${'Seventy-two-bytes-'.repeat(4)}`;

    it('refuses the 72-byte password followed by anything (401), on both sign-in routes and as the current password', async () => {
      expect(Buffer.byteLength(SEVENTY_TWO)).toBe(72);
      const user = await newUser(t, { prefix: 'long', password: SEVENTY_TWO });
      const { accessToken } = await signIn(t, user.email, SEVENTY_TWO);

      for (const suffix of ['x', '-and-then-anything-at-all']) {
        const api = await passwordSignIn(t, user.email, SEVENTY_TWO + suffix);
        const orion = await orionLogin(user.email, SEVENTY_TWO + suffix);
        expect([api.status, api.body.code]).toEqual([401, 'invalid_credentials']);
        expect([orion.status, orion.body.code]).toEqual([401, 'invalid_credentials']);
      }
      const change = await t.http().post('/api/users/me/password').set('authorization', bearer(accessToken)).send({ currentPassword: `${SEVENTY_TWO}x`, newPassword: 'Another-passw0rd' });
      expect([change.status, change.body.code]).toEqual([403, 'invalid_current_password']);
    });
  });

  describe('finding 12: passwords are NFC-normalised when set and when checked', () => {
    it('signs in with the password typed in NFD after it was set in NFC, and the other way round', async () => {
      const setNfc = await newUser(t, { prefix: 'nfc', password: NFC });
      const setNfd = await newUser(t, { prefix: 'nfd', password: NFD });

      expect((await passwordSignIn(t, setNfc.email, NFD)).status).toBe(200);
      expect((await orionLogin(setNfd.email, NFC)).status).toBe(200);
      expect((await passwordSignIn(t, setNfd.email, NFD)).status).toBe(200);
    });

    it('still signs in a user whose hash was made from an NFD password before normalisation, then rehashes it in NFC', async () => {
      const user = await newUser(t, { prefix: 'legacy' });
      const legacyHash = await t.app.get(PasswordHasher).hash(NFD);
      await sql(t, `UPDATE users SET "passwordHash" = '${legacyHash}' WHERE id = '${user.id}'`);

      expect((await passwordSignIn(t, user.email, NFD)).status).toBe(200);
      expect(await eventually(() => storedHash(user.id), (hash) => hash !== legacyHash)).not.toBe(legacyHash);
      expect((await passwordSignIn(t, user.email, NFC)).status).toBe(200);
      expect((await passwordSignIn(t, user.email, NFD)).status).toBe(200);
    });
  });

  describe('finding 12: e-mails are NFKC-normalised before lower-casing', () => {
    const FULL_WIDTH = 'ｆｕｌｌ．ｗｉｄｔｈ＠ＥＸＡＭＰＬＥ．ｔｅｓｔ';

    it('stores a full-width address as its plain form, so both name one account', async () => {
      const created = await syncUser(t, { email: FULL_WIDTH, password: 'Full-width-pw1' });
      const again = await syncUser(t, { email: 'Full.Width@example.test', firstName: 'Fw' });

      expect(created.email).toBe('full.width@example.test');
      expect(again.id).toBe(created.id);
      expect(await sql(t, `SELECT id FROM users WHERE email LIKE '%width%'`)).toHaveLength(1);
    });

    it('signs in with any compatibility form of the address, and finds it from an admin filter in full width', async () => {
      const user = await newUser(t, { prefix: 'filek' });
      const ligature = user.email.replace('fi', '\ufb01'); // "ﬁ": one character, the fi ligature
      const kelvin = user.email.replace('k', '\u212a'); // the Kelvin sign, which lower-casing alone already folded

      expect((await passwordSignIn(t, ligature, user.password)).status).toBe(200);
      expect((await orionLogin(user.email.replace('file', 'ＦＩＬＥ'), user.password)).status).toBe(200);
      expect((await passwordSignIn(t, kelvin, user.password)).status).toBe(200);
      const admin = await adminToken(t);
      const found = await t.http().get('/api/users').query({ email: 'ｆｉｌｅ' }).set('authorization', bearer(admin));
      expect(found.body.items.map((u: { id: string }) => u.id)).toContain(user.id);
    });

    it('keeps letters of other scripts that merely look alike as other addresses', async () => {
      const latin = await syncUser(t, { email: 'anna@example.test' });
      const cyrillic = await syncUser(t, { email: '\u0430nna@example.test' }); // Cyrillic "а"

      expect(cyrillic.id).not.toBe(latin.id);
    });
  });
});
