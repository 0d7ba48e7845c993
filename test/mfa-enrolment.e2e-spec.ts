import { auditOf } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { confirmEnrolment, enableTwoFactor, firstStep, mfaSignIn, newTwoFactorUser, startEnrolment } from './support/mfa';
import { decodeQrDataUri } from './support/qr';
import { bearer, me, passwordSignIn, refresh } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { codeAt, stepNow, TotpDevice } from './support/totp';
import { newSignedInUser } from './support/users';

/**
 * Turning two-factor sign-in on and off for one's own account: the secret and its QR code, the confirmation that
 * activates it (recovery codes, other sessions ended), new recovery codes, turning it off; and what is stored.
 */
describeEachDatabase('two-factor enrolment', (kind) => {
  const t = useTestApp(kind);
  const asUser = (accessToken: string) => ({ post: (path: string) => t.http().post(path).set('authorization', bearer(accessToken)) });

  it('answers a 160-bit secret, its otpauth URI and a QR code that decodes to that URI; nothing is on until confirmed', async () => {
    const user = await newSignedInUser(t);
    const res = await startEnrolment(t, user.session.accessToken);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['otpauthUri', 'qrCode', 'secret']);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(res.body.otpauthUri);
    expect(`${uri.protocol}//${uri.host}${decodeURIComponent(uri.pathname)}`).toBe(`otpauth://totp/Gatehouse:${user.email}`);
    expect(uri.searchParams.get('secret')).toBe(res.body.secret);
    expect(uri.searchParams.get('issuer')).toBe('Gatehouse');
    expect(res.body.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(decodeQrDataUri(res.body.qrCode)).toBe(res.body.otpauthUri);

    expect((await me(t, user.session.accessToken)).body.using2FA).toBe(false);
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
  });

  it('replaces a pending secret when called again: only the newest one confirms', async () => {
    const user = await newSignedInUser(t);
    const first = new TotpDevice((await startEnrolment(t, user.session.accessToken)).body.secret);
    const second = new TotpDevice((await startEnrolment(t, user.session.accessToken)).body.secret);
    expect(second.secret).not.toBe(first.secret);

    const stale = await confirmEnrolment(t, user.session.accessToken, { code: first.next(), password: user.password });
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe('invalid_mfa_code');
    const res = await confirmEnrolment(t, user.session.accessToken, { code: second.next(), password: user.password });
    expect(res.status).toBe(200);
  });

  it('confirms with a code and the password: ten recovery codes, a new session, every other session ended, audited', async () => {
    const user = await newSignedInUser(t);
    const other = await passwordSignIn(t, user.email, user.password);
    const device = new TotpDevice((await startEnrolment(t, user.session.accessToken)).body.secret);

    // As the app shows it: "123 456".
    const res = await confirmEnrolment(t, user.session.accessToken, { code: device.next().replace(/^(\d{3})/, '$1 '), password: user.password });

    expect(res.status).toBe(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(new Set(res.body.recoveryCodes).size).toBe(10);
    for (const code of res.body.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.any(String), user: { id: user.id, using2FA: true } });
    expect(JSON.stringify(res.body)).not.toContain(device.secret);
    expect((await me(t, res.body.accessToken)).status).toBe(200);
    expect((await me(t, user.session.accessToken)).status).toBe(401);
    expect((await me(t, other.body.accessToken)).status).toBe(401);
    expect((await refresh(t, other.body.refreshToken)).status).toBe(401);
    expect((await passwordSignIn(t, user.email, user.password)).body.code).toBe('mfa_required');
    expect(await auditOf(t, user.id)).toContainEqual({ type: 'mfa.enabled', actorId: user.id, details: { method: 'totp' } });
  });

  it('refuses a confirmation without the password, with a wrong one, or with a wrong code, and changes nothing', async () => {
    const user = await newSignedInUser(t);
    const device = new TotpDevice((await startEnrolment(t, user.session.accessToken)).body.secret);

    // The right code, each time: it is the password that is refused (and none of these uses the code up).
    const right = () => codeAt(device.secret, stepNow());
    expect400Naming(await confirmEnrolment(t, user.session.accessToken, { code: right() }), 'password');
    expect400Naming(await confirmEnrolment(t, user.session.accessToken, { code: right(), password: null as unknown as string }), 'password');
    const wrongPassword = await confirmEnrolment(t, user.session.accessToken, { code: right(), password: 'Not-the-passw0rd' });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.code).toBe('invalid_current_password');
    const wrongCode = await confirmEnrolment(t, user.session.accessToken, { code: device.wrong(), password: user.password });
    expect(wrongCode.status).toBe(403);
    expect(wrongCode.body.code).toBe('invalid_mfa_code');
    expect400Naming(await confirmEnrolment(t, user.session.accessToken, { code: 'abcd-efgh-jkmn', password: user.password }), 'code');

    expect((await me(t, user.session.accessToken)).body.using2FA).toBe(false);
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
  });

  it('answers 409 to an enrolment or confirmation once two-factor sign-in is on, and to a confirmation never started', async () => {
    const user = await newTwoFactorUser(t);
    const again = await startEnrolment(t, user.session.accessToken);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('mfa_already_enabled');
    expect((await confirmEnrolment(t, user.session.accessToken, { code: user.device.wrong(), password: user.password })).body.code).toBe('mfa_already_enabled');

    const fresh = await newSignedInUser(t);
    const never = await confirmEnrolment(t, fresh.session.accessToken, { code: '123456', password: fresh.password });
    expect(never.status).toBe(409);
    expect(never.body.code).toBe('mfa_enrolment_not_started');
  });

  it('stores the secret encrypted and the recovery codes hashed, and no answer after enrolment shows either', async () => {
    const user = await newTwoFactorUser(t);
    const [row] = await sql<{ secret: string }>(t, `SELECT secret FROM user_totp WHERE "userId" = '${user.id}'`);
    expect(row.secret).toMatch(/^v1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+$/);
    expect(row.secret).not.toContain(user.device.secret);
    const hashes = await sql<{ codeHash: string }>(t, `SELECT "codeHash" FROM recovery_codes WHERE "userId" = '${user.id}'`);
    expect(hashes).toHaveLength(10);
    const stored = JSON.stringify(await sql(t, `SELECT * FROM recovery_codes WHERE "userId" = '${user.id}'`));
    for (const code of user.recoveryCodes) expect(stored).not.toContain(code.replace(/-/g, ''));

    const answers = [
      await me(t, user.session.accessToken),
      await passwordSignIn(t, user.email, user.password),
      await t.http().post('/users/login').send({ email: user.email, password: user.password }),
      await mfaSignIn(t, await firstStep(t, user), user.device.next()),
    ];
    for (const res of answers) {
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(user.device.secret);
      expect(text).not.toMatch(/secret2FA|recoveryCodes|otpauth/);
      for (const code of user.recoveryCodes) expect(text).not.toContain(code);
    }
  });

  describe('recovery codes', () => {
    it('replaces the set for a code: the old codes stop working, the new ones work, audited', async () => {
      const user = await newTwoFactorUser(t);
      const res = await asUser(user.session.accessToken).post('/api/users/me/2fa/recovery-codes').send({ code: user.device.next() });

      expect(res.status).toBe(200);
      expect(res.body.recoveryCodes).toHaveLength(10);
      expect(res.body.recoveryCodes).not.toEqual(expect.arrayContaining([user.recoveryCodes[0]]));
      const old = await mfaSignIn(t, await firstStep(t, user), user.recoveryCodes[0]);
      expect(old.status).toBe(401);
      expect(old.body.code).toBe('invalid_mfa_code');
      expect((await mfaSignIn(t, await firstStep(t, user), res.body.recoveryCodes[0])).status).toBe(200);
      expect((await auditOf(t, user.id)).map((e) => e.type)).toContain('mfa.recovery_codes_replaced');
    });

    it('refuses a wrong code with 403 (the caller is signed in) and keeps the set', async () => {
      const user = await newTwoFactorUser(t);
      const res = await asUser(user.session.accessToken).post('/api/users/me/2fa/recovery-codes').send({ code: user.device.wrong() });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('invalid_mfa_code');
      expect((await mfaSignIn(t, await firstStep(t, user), user.recoveryCodes[1])).status).toBe(200);
    });
  });

  describe('turning it off (DELETE /api/users/me/2fa)', () => {
    const disable = (accessToken: string, body: object) => t.http().delete('/api/users/me/2fa').set('authorization', bearer(accessToken)).send(body);

    it('needs the password and a code; then the password alone signs in, and the secret and codes are gone', async () => {
      const user = await newTwoFactorUser(t);
      expect400Naming(await disable(user.session.accessToken, { code: user.device.wrong() }), 'password');
      expect400Naming(await disable(user.session.accessToken, { code: user.device.wrong(), password: null }), 'password');
      expect((await disable(user.session.accessToken, { password: 'Not-the-passw0rd', code: user.device.next() })).body.code).toBe('invalid_current_password');
      expect((await disable(user.session.accessToken, { password: user.password, code: user.device.wrong() })).body.code).toBe('invalid_mfa_code');

      const res = await disable(user.session.accessToken, { password: user.password, code: user.recoveryCodes[0] });

      expect(res.status).toBe(204);
      expect((await me(t, user.session.accessToken)).body.using2FA).toBe(false);
      expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
      expect(await sql(t, `SELECT * FROM user_totp WHERE "userId" = '${user.id}'`)).toEqual([]);
      expect(await sql(t, `SELECT * FROM recovery_codes WHERE "userId" = '${user.id}'`)).toEqual([]);
      expect(await auditOf(t, user.id)).toContainEqual({ type: 'mfa.disabled', actorId: user.id, details: null });
    });

    it('answers 409 when it is not on, and lets the user enrol again after', async () => {
      const user = await newTwoFactorUser(t);
      expect((await disable(user.session.accessToken, { password: user.password, code: user.device.next() })).status).toBe(204);
      const again = await disable(user.session.accessToken, { password: user.password, code: '123456' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('mfa_not_enabled');
      const session = (await passwordSignIn(t, user.email, user.password)).body;
      expect((await enableTwoFactor(t, { ...user, session })).recoveryCodes).toHaveLength(10);
    });
  });

  describe('admin reset (DELETE /api/users/:id/2fa)', () => {
    const reset = (id: string, accessToken: string) => t.http().delete(`/api/users/${id}/2fa`).set('authorization', bearer(accessToken));

    it('removes the second factor of a user who lost the device, ends their sessions, and is audited with the admin', async () => {
      const admin = await newTwoFactorUser(t, { prefix: 'admin', fields: { roles: ['admin'] } });
      const user = await newTwoFactorUser(t);

      const res = await reset(user.id, admin.session.accessToken);

      expect(res.status).toBe(204);
      expect((await me(t, user.session.accessToken)).status).toBe(401);
      expect((await refresh(t, user.session.refreshToken)).status).toBe(401);
      const signedIn = await passwordSignIn(t, user.email, user.password);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.using2FA).toBe(false);
      expect(await auditOf(t, user.id)).toContainEqual({ type: 'mfa.reset_by_admin', actorId: admin.id, details: null });
    });

    it('is for admins only (403), and answers 404 for an unknown user', async () => {
      const user = await newTwoFactorUser(t);
      const other = await newTwoFactorUser(t);
      expect((await reset(other.id, user.session.accessToken)).status).toBe(403);
      expect((await passwordSignIn(t, other.email, other.password)).body.code).toBe('mfa_required');
      const admin = await newTwoFactorUser(t, { prefix: 'admin', fields: { roles: ['admin'] } });
      expect((await reset('999999999999', admin.session.accessToken)).status).toBe(404);
    });
  });
});
