import { randomUUID } from 'node:crypto';
import { auditOf } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { signGoogleIdToken, TEST_GOOGLE_CLIENT_ID } from './support/google-tokens';
import { useJwksServer } from './support/jwks-server';
import { confirmEnrolment, firstStep, mfaSignIn, newTwoFactorUser, startEnrolment, TwoFactorUser } from './support/mfa';
import { googleLogin } from './support/seed';
import { bearer, me, passwordSignIn } from './support/sessions';
import { useTestApp } from './support/test-app';
import { TotpDevice } from './support/totp';
import { adminToken } from './support/users';

const SPA = { clientId: 'spa-app' };

/**
 * Signing in with two-factor sign-in on: the first factor (password or Google) answers a challenge instead of a
 * session, on both APIs; the code comes back with its mfaToken, which is bound to the client and used once.
 */
describeEachDatabase('two-factor sign-in', (kind) => {
  const jwks = useJwksServer();
  const t = useTestApp(kind, () => ({ GOOGLE_CLIENT_IDS: TEST_GOOGLE_CLIENT_ID, GOOGLE_JWKS_URI: jwks.server.url }));
  const orion = (path: string, fields: Record<string, string>) =>
    t.http().post(path).type('form').send(new URLSearchParams(fields).toString());
  /** A 2FA user whose e-mail a Google account (verified e-mail) also has: Google sign-in links to it. */
  const googleToken = (user: TwoFactorUser) => signGoogleIdToken(jwks.key, { sub: `sub-${randomUUID()}`, email: user.email });

  describe('POST /api/auth/login', () => {
    it('answers the right password with 401 mfa_required, an mfaToken and the methods, and no token', async () => {
      const user = await newTwoFactorUser(t);
      const res = await passwordSignIn(t, user.email, user.password);

      expect(res.status).toBe(401);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'error', 'message', 'methods', 'mfaToken', 'requestId', 'statusCode']);
      expect(res.body).toMatchObject({ code: 'mfa_required', methods: ['totp', 'recovery_code'], mfaToken: expect.stringMatching(/^[\w-]{43}$/) });
      expect(JSON.stringify(res.body)).not.toMatch(/accessToken|refreshToken|eyJ/);
    });

    it('signs in with type "mfa": the mfaToken and a TOTP code give the session, audited with both factors', async () => {
      const user = await newTwoFactorUser(t);
      const before = (await auditOf(t, user.id)).length;
      const mfaToken = await firstStep(t, user);
      // The first step alone is no sign-in: nothing in the audit trail yet.
      expect((await auditOf(t, user.id)).slice(before)).toEqual([]);

      const res = await mfaSignIn(t, mfaToken, user.device.next());

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.any(String), user: { id: user.id, using2FA: true } });
      expect((await me(t, res.body.accessToken)).status).toBe(200);
      expect((await auditOf(t, user.id)).slice(before)).toEqual([
        { type: 'login.succeeded', actorId: null, details: { method: 'password', secondFactor: 'totp' } },
      ]);
    });

    it('does the same after a Google sign-in', async () => {
      const user = await newTwoFactorUser(t, { fields: { emailVerified: true } });
      const first = await t.http().post('/api/auth/login').send(googleLogin(await googleToken(user)));
      expect(first.status).toBe(401);
      expect(first.body.code).toBe('mfa_required');

      const res = await mfaSignIn(t, first.body.mfaToken, user.device.next());

      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
      expect(await auditOf(t, user.id)).toContainEqual({ type: 'login.succeeded', actorId: null, details: { method: 'google', secondFactor: 'totp' } });
    });

    it('lets an account made by Google sign-in (it has no password) turn it on without one; its Google sign-ins then need a code', async () => {
      const account = { sub: `sub-${randomUUID()}`, email: `g-${randomUUID().slice(0, 8)}@gmail.example` };
      const google = async () => t.http().post('/api/auth/login').send(googleLogin(await signGoogleIdToken(jwks.key, account)));
      const session = (await google()).body;
      const device = new TotpDevice((await startEnrolment(t, session.accessToken)).body.secret);
      expect((await confirmEnrolment(t, session.accessToken, { code: device.next() })).status).toBe(200);

      const first = await google();

      expect([first.status, first.body.code]).toEqual([401, 'mfa_required']);
      expect((await mfaSignIn(t, first.body.mfaToken, device.next())).status).toBe(200);
    });

    it('refuses a missing or malformed second step with a 400 naming the field, and an unknown mfaToken with 401', async () => {
      expect400Naming(await t.http().post('/api/auth/login').send({ type: 'mfa', clientId: 'client-app-id', clientSecret: 'client-app-secret' }), 'withMfa');
      expect400Naming(await mfaSignIn(t, 'x'.repeat(43), '12345'), 'withMfa.code');
      const unknown = await mfaSignIn(t, 'x'.repeat(43), '123456');
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('invalid_mfa_token');
    });
  });

  describe('the Orion routes', () => {
    it('/users/login answers 200 { requires2FA, mfaToken, message }; /users/login/2fa (form) gives { user, token } with using2FA', async () => {
      const user = await newTwoFactorUser(t);
      const first = await orion('/users/login', { email: user.email, password: user.password });

      expect(first.status).toBe(200);
      expect(Object.keys(first.body).sort()).toEqual(['message', 'mfaToken', 'requires2FA']);
      expect(first.body.requires2FA).toBe(true);

      const res = await orion('/users/login/2fa', { mfaToken: first.body.mfaToken, code: user.device.next() });

      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['token', 'user']);
      expect(res.body.user).toMatchObject({ email: user.email, using2FA: true });
      expect((await me(t, res.body.token)).body.id).toBe(user.id);
    });

    it('takes JSON too, and a recovery code', async () => {
      const user = await newTwoFactorUser(t);
      const first = await t.http().post('/users/login').send({ email: user.email, password: user.password });
      const res = await t.http().post('/users/login/2fa').send({ mfaToken: first.body.mfaToken, code: user.recoveryCodes[0] });
      expect(res.status).toBe(200);
      expect(res.body.user.using2FA).toBe(true);
    });

    it('/users/login/google answers requires2FA, and /users/login/google/2fa completes it', async () => {
      const user = await newTwoFactorUser(t, { fields: { emailVerified: true } });
      const first = await orion('/users/login/google', { idToken: await googleToken(user) });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ requires2FA: true, mfaToken: expect.any(String) });
      expect(first.body).not.toHaveProperty('token');

      const res = await orion('/users/login/google/2fa', { mfaToken: first.body.mfaToken, code: user.device.next() });

      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: user.email, using2FA: true });
    });
  });

  describe('the mfaToken', () => {
    it('is bound to its client: refused on another client or API (and stays usable on its own)', async () => {
      const user = await newTwoFactorUser(t);
      const apiToken = await firstStep(t, user);
      const orionToken = (await orion('/users/login', { email: user.email, password: user.password })).body.mfaToken as string;

      for (const res of [
        await mfaSignIn(t, apiToken, user.recoveryCodes[0], SPA),
        await orion('/users/login/2fa', { mfaToken: apiToken, code: user.recoveryCodes[0] }),
        await mfaSignIn(t, orionToken, user.recoveryCodes[0]),
      ]) {
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_mfa_token');
      }
      expect((await mfaSignIn(t, apiToken, user.recoveryCodes[0])).status).toBe(200);
      expect((await orion('/users/login/2fa', { mfaToken: orionToken, code: user.recoveryCodes[1] })).status).toBe(200);
    });

    it('is used once: a second sign-in with it is refused, even with another valid code', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);
      expect((await mfaSignIn(t, mfaToken, user.device.next())).status).toBe(200);

      const again = await mfaSignIn(t, mfaToken, user.recoveryCodes[0]);

      expect(again.status).toBe(401);
      expect(again.body.code).toBe('invalid_mfa_token');
      // The recovery code was not spent on a dead token.
      expect((await mfaSignIn(t, await firstStep(t, user), user.recoveryCodes[0])).status).toBe(200);
    });

    it('dies after 5 wrong codes: the right code is then refused too; each wrong code is audited', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);
      for (let i = 0; i < 5; i++) {
        const res = await mfaSignIn(t, mfaToken, user.device.wrong());
        expect([res.status, res.body.code]).toEqual([401, 'invalid_mfa_code']);
      }

      const res = await mfaSignIn(t, mfaToken, user.device.next());

      expect([res.status, res.body.code]).toEqual([401, 'invalid_mfa_token']);
      const failed = (await auditOf(t, user.id)).filter((e) => e.type === 'mfa.challenge_failed');
      expect(failed).toHaveLength(5);
      expect(failed[0].details).toEqual({ method: 'totp', reason: 'wrong_code', context: 'sign_in' });
    });

    it('checks at most 5 codes with one mfaToken, even when they are sent all at once', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);

      const responses = await Promise.all(Array.from({ length: 8 }, () => mfaSignIn(t, mfaToken, user.device.wrong())));

      const codes = responses.map((r) => r.body.code as string).sort();
      expect(codes).toEqual([...Array(5).fill('invalid_mfa_code'), ...Array(3).fill('invalid_mfa_token')]);
      expect((await auditOf(t, user.id)).filter((e) => e.type === 'mfa.challenge_failed')).toHaveLength(5);
    });

    it('answers 423 for an account locked since the first step, whatever the code', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);
      const admin = await adminToken(t);
      expect((await t.http().post(`/api/users/${user.id}/lock`).set('authorization', bearer(admin))).status).toBe(200);

      const res = await mfaSignIn(t, mfaToken, user.device.next());

      expect(res.status).toBe(423);
      expect(res.body).not.toHaveProperty('accessToken');
    });
  });
});

/** Wrong codes count toward the lockout; the right password does not count, and does not wipe the count either. */
describeEachDatabase('two-factor sign-in and the lockout', (kind) => {
  const t = useTestApp(kind, { LOCKOUT_THRESHOLD: '3' });

  it('never counts the right password as a failure', async () => {
    const user = await newTwoFactorUser(t);
    for (let i = 0; i < 5; i++) {
      const res = await passwordSignIn(t, user.email, user.password);
      expect([res.status, res.body.code]).toEqual([401, 'mfa_required']);
    }
    expect((await mfaSignIn(t, await firstStep(t, user), user.device.next())).status).toBe(200);
  });

  it('locks the account after LOCKOUT_THRESHOLD wrong codes, across mfaTokens and in spite of right passwords between', async () => {
    const user = await newTwoFactorUser(t);
    expect((await mfaSignIn(t, await firstStep(t, user), user.device.wrong())).status).toBe(401);
    expect((await mfaSignIn(t, await firstStep(t, user), user.device.wrong())).status).toBe(401);
    const third = await mfaSignIn(t, await firstStep(t, user), user.device.wrong());
    expect([third.status, third.body.code]).toEqual([401, 'invalid_mfa_code']);

    const locked = await passwordSignIn(t, user.email, user.password);

    expect([locked.status, locked.body.code]).toEqual([423, 'account_locked']);
    expect((await auditOf(t, user.id)).map((e) => e.type)).toContain('account.locked');
  });

  it('starts the count over after a right code', async () => {
    const user = await newTwoFactorUser(t);
    const mfaToken = await firstStep(t, user);
    expect((await mfaSignIn(t, mfaToken, user.device.wrong())).status).toBe(401);
    expect((await mfaSignIn(t, mfaToken, user.device.wrong())).status).toBe(401);
    expect((await mfaSignIn(t, mfaToken, user.recoveryCodes[0])).status).toBe(200);

    expect((await mfaSignIn(t, await firstStep(t, user), user.device.wrong())).status).toBe(401);
    expect((await mfaSignIn(t, await firstStep(t, user), user.device.wrong())).status).toBe(401);
    expect((await passwordSignIn(t, user.email, user.password)).body.code).toBe('mfa_required');
  });

  it('counts wrong codes and passwords on the own-account routes too: a stolen access token cannot guess them', async () => {
    const user = await newTwoFactorUser(t);
    const asUser = () => ({ authorization: bearer(user.session.accessToken) });
    expect((await t.http().post('/api/users/me/2fa/recovery-codes').set(asUser()).send({ code: user.device.wrong() })).status).toBe(403);
    expect((await t.http().post('/api/users/me/2fa/recovery-codes').set(asUser()).send({ code: user.device.wrong() })).status).toBe(403);
    expect((await t.http().delete('/api/users/me/2fa').set(asUser()).send({ password: 'Not-the-passw0rd', code: user.device.wrong() })).status).toBe(403);

    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(423);
    // An automatic lock keeps guessers out of sign-in, and never ends the owner's sessions (smart lockout): the token
    // goes on working (only an admin lock ends it). What it cannot do past the lock is guess further.
    expect((await me(t, user.session.accessToken)).status).toBe(200);
    expect((await t.http().post('/api/users/me/2fa/recovery-codes').set(asUser()).send({ code: user.device.next() })).status).toBe(423);
  });
});
