import { randomUUID } from 'node:crypto';
import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { signGoogleIdToken, TEST_GOOGLE_CLIENT_ID, type GoogleClaims } from './support/google-tokens';
import { useJwksServer } from './support/jwks-server';
import { googleLogin } from './support/seed';
import { bearer, passwordSignIn, signIn } from './support/sessions';
import { count, sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { newUser } from './support/users';

/** A Google account nobody has used yet. */
function googleAccount(label: string, email?: string): GoogleClaims {
  const id = randomUUID().slice(0, 8);
  return { sub: `sub-${label}-${id}`, email: email ?? `${label}-${id}@gmail.example` };
}

/**
 * Linking Google accounts as Google's guidance has it, keyed on `sub`: automatic linking by e-mail only to an account
 * whose own address is verified, never a second Google account for a user, and the owner's own link and unlink.
 */
describeEachDatabase('Google account linking', (kind) => {
  const jwks = useJwksServer();
  const t = useTestApp(kind, () => ({ GOOGLE_CLIENT_IDS: TEST_GOOGLE_CLIENT_ID, GOOGLE_JWKS_URI: jwks.server.url }));

  const token = (account: GoogleClaims) => signGoogleIdToken(jwks.key, account);
  const orionGoogle = async (account: GoogleClaims) => t.http().post('/users/login/google').send({ idToken: await token(account) });
  const apiGoogle = async (account: GoogleClaims) => t.http().post('/api/auth/login').send(googleLogin(await token(account)));
  const link = async (accessToken: string, account: GoogleClaims) =>
    t.http().post('/api/users/me/identities/google').set('authorization', bearer(accessToken)).send({ idToken: await token(account) });
  const unlink = (accessToken: string) => t.http().delete('/api/users/me/identities/google').set('authorization', bearer(accessToken));
  const p = (i: number) => (kind.name === 'postgres' ? `$${i}` : '?');
  const linkedRows = (sub: unknown) => count(t, `SELECT COUNT(*) AS n FROM identities WHERE subject = ${p(1)} AND "unlinkedAt" IS NULL`, [sub]);

  describe('Google sign-in to an existing account', () => {
    it('finding 3: does not take over a password account whose e-mail is not verified (409), and the password stays its owner\'s alone', async () => {
      const carol = await newUser(t, { prefix: 'carol', fields: { emailVerified: false } });
      const google = googleAccount('carol', carol.email);

      const orion = await orionGoogle(google);
      const api = await apiGoogle(google);

      expect([orion.status, orion.body.code]).toEqual([409, 'google_account_not_linked']);
      expect([api.status, api.body.code]).toEqual([409, 'google_account_not_linked']);
      expect(await linkedRows(google.sub)).toBe(0);
      expect((await passwordSignIn(t, carol.email, carol.password)).status).toBe(200);
      await flushAudit(t);
      const failures = await sql<{ details: string }>(t, `SELECT details FROM audit_events WHERE type = 'login.failed' AND "subjectId" = ${p(1)}`, [carol.id]);
      expect(failures.map((e) => JSON.parse(e.details))).toEqual(expect.arrayContaining([{ method: 'google', reason: 'google_account_not_linked' }]));
    });

    it('lets the owner of that account link Google from a signed-in session, after which Google signs in to it', async () => {
      const owner = await newUser(t, { prefix: 'owner', fields: { emailVerified: false } });
      const google = googleAccount('owner', owner.email);
      const { accessToken } = await signIn(t, owner.email, owner.password);

      const linked = await link(accessToken, google);
      const api = await apiGoogle(google);

      expect(linked.status).toBe(200);
      expect(linked.body).toEqual({ provider: 'google', subject: google.sub, linkedAt: expect.any(String) });
      expect([api.status, api.body.user.id]).toEqual([200, owner.id]);
      await flushAudit(t);
      expect(await count(t, `SELECT COUNT(*) AS n FROM audit_events WHERE type = 'identity.linked' AND "subjectId" = ${p(1)}`, [owner.id])).toBe(1);
    });

    it('finding 4: never signs a user linked to one Google account in with another that has the same e-mail', async () => {
      const first = googleAccount('recreated');
      const created = await orionGoogle(first);
      expect(created.status).toBe(200);
      const second: GoogleClaims = { ...googleAccount('recreated'), email: first.email };

      const orion = await orionGoogle(second);
      const api = await apiGoogle(second);

      expect([orion.status, orion.body.code]).toEqual([409, 'google_account_mismatch']);
      expect([api.status, api.body.code]).toEqual([409, 'google_account_mismatch']);
      expect(await linkedRows(second.sub)).toBe(0);
      expect((await orionGoogle(first)).body.user.hash).toBe(created.body.user.hash);
    });
  });

  describe('POST /api/users/me/identities/google', () => {
    it('answers 409 for a Google account linked to another user, or a second Google account of the caller, and a no-op for the same one', async () => {
      const taken = googleAccount('taken');
      expect((await orionGoogle(taken)).status).toBe(200);
      const user = await newUser(t, { prefix: 'linker' });
      const { accessToken } = await signIn(t, user.email, user.password);
      const own = googleAccount('own');

      const elsewhere = await link(accessToken, taken);
      const first = await link(accessToken, own);
      const again = await link(accessToken, own);
      const second = await link(accessToken, googleAccount('second'));

      expect([elsewhere.status, elsewhere.body.code]).toEqual([409, 'google_account_linked_elsewhere']);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect([second.status, second.body.code]).toEqual([409, 'google_account_mismatch']);
      expect(await count(t, `SELECT COUNT(*) AS n FROM identities WHERE "userId" = ${p(1)}`, [user.id])).toBe(1);
    });

    it('links one of several Google accounts sent at once, and refuses the others', async () => {
      const user = await newUser(t, { prefix: 'racer' });
      const { accessToken } = await signIn(t, user.email, user.password);

      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => link(accessToken, googleAccount(`race${i}`))));

      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(7).fill('google_account_mismatch'));
      expect(await count(t, `SELECT COUNT(*) AS n FROM identities WHERE "userId" = ${p(1)}`, [user.id])).toBe(1);
    });

    it('needs a Bearer token (401) and a valid Google ID token (401 google_token_<reason>)', async () => {
      const user = await newUser(t, { prefix: 'tokens' });
      const { accessToken } = await signIn(t, user.email, user.password);

      const anonymous = await t.http().post('/api/users/me/identities/google').send({ idToken: await token(googleAccount('anon')) });
      const expired = await link(accessToken, { ...googleAccount('old'), iat: 1_000_000, exp: 1_000_600 });

      expect(anonymous.status).toBe(401);
      expect([expired.status, expired.body.code]).toEqual([401, 'google_token_expired']);
    });
  });

  describe('DELETE /api/users/me/identities/google', () => {
    it('unlinks, after which Google sign-in does not link it back by e-mail until the owner links again', async () => {
      const user = await newUser(t, { prefix: 'unlinker', fields: { emailVerified: true } });
      const google = googleAccount('unlinker', user.email);
      expect((await orionGoogle(google)).status).toBe(200);
      const { accessToken } = await signIn(t, user.email, user.password);

      const unlinked = await unlink(accessToken);
      const afterUnlink = await orionGoogle(google);
      const relinked = await link(accessToken, google);
      const afterRelink = await apiGoogle(google);

      expect(unlinked.status).toBe(204);
      expect([afterUnlink.status, afterUnlink.body.code]).toEqual([409, 'google_account_not_linked']);
      expect(relinked.status).toBe(200);
      expect([afterRelink.status, afterRelink.body.user.id]).toEqual([200, user.id]);
    });

    it('refuses to unlink the only way into an account without a password (409), and answers 404 when nothing is linked', async () => {
      const google = googleAccount('only-google');
      const created = await t.http().post('/api/auth/login').send(googleLogin(await token(google)));
      const plain = await newUser(t, { prefix: 'nolink' });
      const { accessToken } = await signIn(t, plain.email, plain.password);

      const last = await unlink(created.body.accessToken);
      const none = await unlink(accessToken);

      expect([last.status, last.body.code]).toEqual([409, 'last_sign_in_method']);
      expect((await orionGoogle(google)).status).toBe(200);
      expect(none.status).toBe(404);
    });
  });
});
