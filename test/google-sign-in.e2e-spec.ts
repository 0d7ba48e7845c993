import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { UserLocksService } from '../src/users/user-locks.service';
import { describeEachDatabase } from './support/databases';
import { deviceCookie } from './support/devices';
import { expect400Naming } from './support/expectations';
import {
  hs256IdToken,
  nowSeconds,
  signGoogleIdToken,
  TEST_GOOGLE_CLIENT_ID,
  unsignedIdToken,
  type GoogleClaims,
} from './support/google-tokens';
import { generateSigningKey, useJwksServer } from './support/jwks-server';
import { ClientCredentials, CLIENT, googleLogin } from './support/seed';
import { me, passwordSignIn } from './support/sessions';
import { count, param as sqlParam, sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

/** A Google account nobody has used yet: its own sub and e-mail, so tests do not depend on each other. */
function newAccount(label: string): GoogleClaims {
  const id = randomUUID().slice(0, 8);
  return { sub: `sub-${label}-${id}`, email: `${label}-${id}@gmail.example` };
}

describeEachDatabase('Google sign-in', (kind) => {
  const jwks = useJwksServer();

  const orionGoogle = (idToken: string) =>
    t.http().post('/users/login/google').type('form').send(new URLSearchParams({ idToken }).toString());
  const apiGoogle = (idToken: string, client: ClientCredentials = CLIENT) => t.http().post('/api/auth/login').send(googleLogin(idToken, client));
  const countRows = (query: string, params: unknown[]) => count(t, query, params);
  const param = (i: number) => sqlParam(kind, i);

  const t = useTestApp(kind, () => ({
    GOOGLE_CLIENT_IDS: `${TEST_GOOGLE_CLIENT_ID},other-app.apps.googleusercontent.com`,
    GOOGLE_JWKS_URI: jwks.server.url,
    // Refetch at once for an unknown kid, so rotation is observable without waiting out the cool-down.
    GOOGLE_JWKS_COOLDOWN_SECONDS: '0',
  }));

  describe('POST /users/login/google', () => {
    it('creates a user on first sign-in: verified e-mail, plain user role, no password, profile mapped', async () => {
      const account = newAccount('first');
      const res = await orionGoogle(await signGoogleIdToken(jwks.key, account));

      expect(res.status).toBe(200);
      expect(Object.keys(res.body.user).sort()).toEqual(['email', 'emailValid', 'hash', 'name', 'using2FA']);
      expect(res.body.user).toMatchObject({ name: 'Ada Lovelace', email: account.email, emailValid: true, using2FA: false });
      const user = (await me(t, res.body.token)).body;
      expect(user).toMatchObject({
        _guid: res.body.user.hash,
        email: account.email,
        emailVerified: true,
        name: 'Ada Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        avatar: 'https://lh3.googleusercontent.com/a/ada',
        roles: ['user'],
        createdBy: 'google',
        username: null,
      });
      expect(await countRows(`SELECT COUNT(*) AS n FROM users WHERE email = ${param(1)} AND "passwordHash" IS NULL`, [account.email])).toBe(1);
      expect(await countRows(`SELECT COUNT(*) AS n FROM identities WHERE provider = 'google' AND subject = ${param(1)} AND "userId" = ${param(2)}`, [account.sub, user.id])).toBe(1);
    });

    it('finds the same user on the second sign-in (JSON body this time)', async () => {
      const account = newAccount('again');
      const first = await orionGoogle(await signGoogleIdToken(jwks.key, account));
      const second = await t.http().post('/users/login/google').send({ idToken: await signGoogleIdToken(jwks.key, account) });

      expect(second.status).toBe(200);
      expect(second.body.user.hash).toBe(first.body.user.hash);
      expect(await countRows(`SELECT COUNT(*) AS n FROM users WHERE email = ${param(1)}`, [account.email])).toBe(1);
    });

    it('finds the linked user by sub even when the Google e-mail has changed', async () => {
      const account = newAccount('moved');
      const first = await orionGoogle(await signGoogleIdToken(jwks.key, account));
      const moved = await orionGoogle(await signGoogleIdToken(jwks.key, { ...account, email: `new-${account.email as string}` }));

      expect(moved.status).toBe(200);
      expect(moved.body.user.hash).toBe(first.body.user.hash);
    });

    it('links to an existing synced password user whose e-mail is verified, after which both password and Google sign in that user', async () => {
      const account = newAccount('synced');
      // Verified: an account whose address is not verified is not linked by e-mail (google-linking.e2e-spec.ts).
      const synced = await syncUser(t, { email: account.email, password: 'Synced-pass1', username: `u${randomUUID().slice(0, 8)}`, emailVerified: true });

      const google = await orionGoogle(await signGoogleIdToken(jwks.key, account));
      const password = await t.http().post('/users/login').type('form').send({ email: account.email as string, password: 'Synced-pass1' });
      const googleAgain = await orionGoogle(await signGoogleIdToken(jwks.key, account));

      expect(google.status).toBe(200);
      expect(google.body.user.hash).toBe(synced._guid);
      expect(decodeJwt(google.body.token).sub).toBe(synced.id);
      expect(password.status).toBe(200);
      expect(password.body.user.hash).toBe(synced._guid);
      expect(googleAgain.body.user.hash).toBe(synced._guid);
      expect(await countRows(`SELECT COUNT(*) AS n FROM identities WHERE "userId" = ${param(1)}`, [synced.id])).toBe(1);
      // Linking changed nothing the sync owns.
      expect((await me(t, google.body.token)).body).toMatchObject({ createdBy: '__system', username: synced.username });
    });

    it('gives one user and one link for simultaneous first sign-ins of one account', async () => {
      const account = newAccount('race');
      const tokens = await Promise.all(Array.from({ length: 20 }, () => signGoogleIdToken(jwks.key, account)));

      const results = await Promise.all(tokens.map((idToken) => orionGoogle(idToken)));

      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(results.map((r) => r.body.user.hash)).size).toBe(1);
      expect(await countRows(`SELECT COUNT(*) AS n FROM users WHERE email = ${param(1)}`, [account.email])).toBe(1);
      expect(await countRows(`SELECT COUNT(*) AS n FROM identities WHERE subject = ${param(1)}`, [account.sub])).toBe(1);
    });

    it('accepts a key published after the first fetch (key rotation), after refetching the key set', async () => {
      expect((await orionGoogle(await signGoogleIdToken(jwks.key, newAccount('before-rotation')))).status).toBe(200);
      const fetches = jwks.server.requestCount;
      const rotated = await jwks.server.addKey();

      const res = await orionGoogle(await signGoogleIdToken(rotated, newAccount('rotated')));

      expect(res.status).toBe(200);
      expect(jwks.server.requestCount).toBe(fetches + 1);
    });

    it('answers 400 naming idToken when it is missing or empty', async () => {
      for (const body of ['', 'idToken=']) {
        const res = await t.http().post('/users/login/google').type('form').send(body);
        expect(res.status).toBe(400);
        expect(res.body.fields[0]).toMatchObject({ field: 'idToken' });
      }
    });

    it('answers 4xx, never 500, for text/plain and multipart bodies', async () => {
      const text = await t.http().post('/users/login/google').set('Content-Type', 'text/plain').send('idToken=x');
      const multipart = await t.http().post('/users/login/google').field('idToken', 'x');

      expect(text.status).toBe(400);
      expect(multipart.status).toBe(415);
    });
  });

  describe('refusals', () => {
    const cases: [string, () => Promise<string>, string][] = [
      ['an expired token', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), 'google_token_expired'],
      ['a bad signature (unpublished key naming a published kid)', async () => signGoogleIdToken(await generateSigningKey(jwks.key.kid), newAccount('x')), 'google_token_bad_signature'],
      ['an unknown key', async () => signGoogleIdToken(await generateSigningKey(), newAccount('x')), 'google_token_unknown_key'],
      ['alg none', async () => unsignedIdToken(newAccount('x'), { kid: jwks.key.kid }), 'google_token_unsupported_alg'],
      ['HS256', () => hs256IdToken(newAccount('x'), { kid: jwks.key.kid }), 'google_token_unsupported_alg'],
      ['another audience', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), aud: 'someone-else.apps.googleusercontent.com' }), 'google_token_wrong_audience'],
      ['several audiences without our client as azp', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), aud: [TEST_GOOGLE_CLIENT_ID, 'someone-else.apps.googleusercontent.com'], azp: 'someone-else.apps.googleusercontent.com' }), 'google_token_wrong_authorized_party'],
      ['another issuer', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), iss: 'https://evil.example.com' }), 'google_token_wrong_issuer'],
      ['an unverified e-mail', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), email_verified: false }), 'google_token_email_unverified'],
      ['no e-mail', () => signGoogleIdToken(jwks.key, { ...newAccount('x'), email: undefined }), 'google_token_email_missing'],
      ['not a JWT', async () => 'not-a-jwt', 'google_token_malformed'],
    ];

    it.each(cases)('refuses %s with 401 and its code, on both routes, creating nothing', async (_label, make, code) => {
      const idToken = await make();
      const users = await countRows('SELECT COUNT(*) AS n FROM users', []);

      const orion = await orionGoogle(idToken);
      const api = await apiGoogle(idToken);

      expect([orion.status, orion.body.code]).toEqual([401, code]);
      expect([api.status, api.body.code]).toEqual([401, code]);
      expect(orion.body.message).toEqual(expect.any(String));
      expect(await countRows('SELECT COUNT(*) AS n FROM users', [])).toBe(users);
    });

    it('accepts a token for any configured client id', async () => {
      const res = await orionGoogle(await signGoogleIdToken(jwks.key, { ...newAccount('android'), aud: 'other-app.apps.googleusercontent.com' }));

      expect(res.status).toBe(200);
    });

    it('refuses locked (423), disabled (401) and deleted (401) users as password sign-in does, linked or not', async () => {
      const locked = newAccount('locked');
      const disabled = newAccount('disabled');
      const deleted = newAccount('deleted');
      const lockedUnlinked = newAccount('locked-unlinked');
      for (const a of [locked, disabled, deleted]) expect((await orionGoogle(await signGoogleIdToken(jwks.key, a))).status).toBe(200);
      await syncUser(t, { email: lockedUnlinked.email, password: 'Locked-pass1' });
      await sql(t, `UPDATE users SET "isLocked" = true WHERE email IN (${param(1)}, ${param(2)})`, [locked.email, lockedUnlinked.email]);
      await sql(t, `UPDATE users SET "isActive" = false WHERE email = ${param(1)}`, [disabled.email]);
      await sql(t, `UPDATE users SET "deletedAt" = CURRENT_TIMESTAMP WHERE email = ${param(1)}`, [deleted.email]);

      const answers = await Promise.all([locked, disabled, deleted, lockedUnlinked].map(async (a) => orionGoogle(await signGoogleIdToken(jwks.key, a))));

      expect(answers.map((r) => [r.status, r.body.code])).toEqual([
        [423, 'account_locked'],
        [401, 'account_disabled'],
        [401, 'invalid_credentials'],
        [423, 'account_locked'],
      ]);
      expect(await countRows(`SELECT COUNT(*) AS n FROM identities WHERE subject = ${param(1)}`, [lockedUnlinked.sub])).toBe(0);
    });

    it('never lets a user created by Google sign in with a password', async () => {
      const account = newAccount('nopw');
      expect((await orionGoogle(await signGoogleIdToken(jwks.key, account))).status).toBe(200);

      const api = await passwordSignIn(t, account.email as string, 'any-password');
      const orion = await t.http().post('/users/login').send({ email: account.email, password: 'any-password' });

      expect([api.status, api.body.code]).toEqual([401, 'invalid_credentials']);
      expect([orion.status, orion.body.code]).toEqual([401, 'invalid_credentials']);
    });

    it('answers 503 google_keys_unavailable (never 500) when the key server fails, and recovers', async () => {
      const newKey = await jwks.server.addKey();
      const idToken = await signGoogleIdToken(newKey, newAccount('down'));
      jwks.server.setFailing(true);
      try {
        const res = await orionGoogle(idToken);
        const api = await apiGoogle(idToken);

        expect([res.status, res.body.code]).toEqual([503, 'google_keys_unavailable']);
        expect([api.status, api.body.code]).toEqual([503, 'google_keys_unavailable']);
      } finally {
        jwks.server.setFailing(false);
      }
      expect((await orionGoogle(idToken)).status).toBe(200);
    });
  });

  describe('POST /api/auth/login type "google"', () => {
    it('answers like a password login, with the client as audience', async () => {
      const account = newAccount('api');
      const res = await apiGoogle(await signGoogleIdToken(jwks.key, account));

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300, user: { email: account.email, emailVerified: true, createdBy: 'google' } });
      expect(decodeJwt(res.body.accessToken)).toMatchObject({ aud: CLIENT.clientId, email: account.email, groups: ['user'] });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|secret2FA/);
    });

    it('hands out a device credential on both routes (Orion: cookie only), and signs in during an automatic lock', async () => {
      const account = newAccount('device');
      const orion = await orionGoogle(await signGoogleIdToken(jwks.key, account));
      expect(Object.keys(orion.body).sort()).toEqual(['token', 'user']);
      expect(deviceCookie(orion)?.value).toEqual(expect.any(String));
      const id = (await me(t, orion.body.token)).body.id as string;
      // An automatic lock keeps clients without a device credential from trying passwords; an ID token is no guess.
      await t.app.get(UserLocksService).lockAfterFailures(id, new Date(), new Date(Date.now() + 3_600_000));
      const api = await apiGoogle(await signGoogleIdToken(jwks.key, account));
      expect(api.status).toBe(200);
      expect(api.body.deviceToken).toEqual(expect.any(String));
      expect(deviceCookie(api)?.value).toBe(api.body.deviceToken);
    });

    it('gives the same user as /users/login/google, from the same cached key set', async () => {
      const account = newAccount('both');
      const orion = await orionGoogle(await signGoogleIdToken(jwks.key, account));
      const fetches = jwks.server.requestCount;
      const api = await apiGoogle(await signGoogleIdToken(jwks.key, account));

      expect(api.body.user._guid).toBe(orion.body.user.hash);
      expect(jwks.server.requestCount).toBe(fetches);
    });

    it('checks the client first: unknown client or wrong secret → 401 invalid_client', async () => {
      const idToken = await signGoogleIdToken(jwks.key, newAccount('client'));
      for (const client of [{ clientId: 'nope', clientSecret: 'x' }, { clientId: CLIENT.clientId, clientSecret: 'wrong' }, { clientId: CLIENT.clientId }]) {
        const res = await apiGoogle(idToken, client);
        expect([res.status, res.body.code]).toEqual([401, 'invalid_client']);
      }
    });

    it.each([
      [{ type: 'google', ...CLIENT }, 'withGoogle'],
      [{ type: 'google', ...CLIENT, withGoogle: {} }, 'withGoogle.idToken'],
      [{ type: 'google', ...CLIENT, withGoogle: { idToken: '' } }, 'withGoogle.idToken'],
      [{ type: 'google', ...CLIENT, withGoogle: { idToken: 'x' }, idToken: 'x' }, 'idToken'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      expect400Naming(await t.http().post('/api/auth/login').send(body), field);
    });

    it('still requires withPassword (and not withGoogle) for type "password"', async () => {
      const res = await t.http().post('/api/auth/login').send({ type: 'password', ...CLIENT });

      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['withPassword']);
    });
  });
});

describeEachDatabase('Google sign-in not configured', (kind) => {
  const jwks = useJwksServer();
  const t = useTestApp(kind, () => ({ GOOGLE_CLIENT_IDS: '', GOOGLE_JWKS_URI: jwks.server.url }));

  it('answers 503 google_sign_in_not_configured on both routes, without fetching keys', async () => {
    const idToken = await signGoogleIdToken(jwks.key);

    const orion = await t.http().post('/users/login/google').type('form').send({ idToken });
    const api = await t.http().post('/api/auth/login').send(googleLogin(idToken));

    for (const res of [orion, api]) {
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('google_sign_in_not_configured');
      expect(res.body.message).toMatch(/not configured.*GOOGLE_CLIENT_IDS/);
    }
    expect(jwks.server.requestCount).toBe(0);
  });

  it('still signs in with a password', async () => {
    await syncUser(t, { email: 'pw@example.test', password: 'Password-1' });

    expect((await t.http().post('/users/login').send({ email: 'pw@example.test', password: 'Password-1' })).status).toBe(200);
  });
});
