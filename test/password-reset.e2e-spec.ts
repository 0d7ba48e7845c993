import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { clockPasses, eventually } from './support/poll';
import { forgotPassword, resetPassword, settled } from './support/self-service';
import { bearer, me, passwordSignIn, refresh, signIn } from './support/sessions';
import { linkToken, mailsTo, useSmtpServer, waitForMails } from './support/smtp';
import { count, param, sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { newTwoFactorUser } from './support/mfa';
import { adminToken, newSignedInUser, newUser, TestUser } from './support/users';

const APP_URL = 'https://app.example.test';
const NEW_PASSWORD = 'Brand-new-passw0rd';

describeEachDatabase('password reset over e-mail', (kind) => {
  const $ = (i: number) => param(kind, i);
  const smtp = useSmtpServer();
  const INTERVAL_MS = 300;
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, APP_URL, PASSWORD_RESET_INTERVAL: `${INTERVAL_MS}ms`, LOCKOUT_THRESHOLD: '3' }));

  /** Asks for a link for `user` and returns the token of the `nth` reset mail they received (1-based). */
  async function resetToken(user: Pick<TestUser, 'email'>, nth = 1): Promise<string> {
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const mails = await waitForMails(smtp(), user.email, nth);
    const token = linkToken(mails[nth - 1], '/reset-password');
    if (!token) throw new Error(`no reset link in: ${mails[nth - 1]?.text}`);
    return token;
  }

  it('goes from the mail received to a new password: the link works once, the new password signs in, the old one not', async () => {
    const user = await newUser(t, { prefix: 'reset' });
    const res = await forgotPassword(t, `  ${user.email.toUpperCase()} `);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: 'If an account has this e-mail address, a link to reset its password has been sent to it' });
    const [mail] = await waitForMails(smtp(), user.email);
    expect(mail).toMatchObject({ to: [user.email], from: '"Gatehouse" <no-reply@localhost>', subject: 'Reset your password' });
    expect(mail.text).toMatch(new RegExp(`^${APP_URL}/reset-password\\?token=[A-Za-z0-9_-]{43}$`, 'm'));
    const token = linkToken(mail, '/reset-password')!;
    expect(mail.html).toContain(`href="${APP_URL}/reset-password?token=${token}"`);

    const reset = await resetPassword(t, token, NEW_PASSWORD);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ passwordReset: true });
    expect((await passwordSignIn(t, user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(401);
    const again = await resetPassword(t, token, 'Another-passw0rd');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invalid_reset_token');
    // The link reached the address: it now counts as verified.
    expect((await me(t, (await signIn(t, user.email, NEW_PASSWORD)).accessToken)).body.emailVerified).toBe(true);
  });

  it('records the request and the reset in the audit trail, and never the token', async () => {
    const user = await newUser(t, { prefix: 'audited' });
    const token = await resetToken(user);
    expect((await resetPassword(t, token, NEW_PASSWORD)).status).toBe(200);
    await flushAudit(t);
    const rows = await sql<{ type: string; details: unknown }>(t, `SELECT type, details FROM audit_events WHERE "subjectId" = ${$(1)} ORDER BY id`, [user.id]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['password.reset_requested', 'password.reset']));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('ends every session: access and refresh tokens issued before the reset stop working', async () => {
    const user = await newSignedInUser(t, { prefix: 'sessions' });
    const other = await signIn(t, user.email, user.password);
    const token = await resetToken(user);
    expect((await resetPassword(t, token, NEW_PASSWORD)).status).toBe(200);
    for (const session of [user.session, other]) {
      expect((await me(t, session.accessToken)).status).toBe(401);
      expect((await refresh(t, session.refreshToken)).status).toBe(401);
    }
    await expect(count(t, `SELECT COUNT(*) AS n FROM refresh_tokens WHERE "userId" = ${$(1)} AND "revokedAt" IS NULL`, [user.id])).resolves.toBe(0);
  });

  it('lets only the newest link work: asking again voids the link sent before', async () => {
    const user = await newUser(t, { prefix: 'newest' });
    const first = await resetToken(user, 1);
    await clockPasses(Date.now() + INTERVAL_MS);
    const second = await eventually(() => resetToken(user, 2).catch(() => null), (token) => token !== null);
    expect(second).not.toBe(first);
    expect((await resetPassword(t, first, NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await resetPassword(t, second!, NEW_PASSWORD)).status).toBe(200);
  });

  it('lets one of two simultaneous resets with the same link win, and refuses the other', async () => {
    const user = await newUser(t, { prefix: 'race' });
    const token = await resetToken(user);
    const results = await Promise.all([resetPassword(t, token, 'Racer-one-passw0rd'), resetPassword(t, token, 'Racer-two-passw0rd')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const winner = results[0].status === 200 ? 'Racer-one-passw0rd' : 'Racer-two-passw0rd';
    expect((await passwordSignIn(t, user.email, winner)).status).toBe(200);
  });

  it('applies the password policy before using the link, so a refused password does not cost the link', async () => {
    const user = await newUser(t, { prefix: 'policy' });
    const token = await resetToken(user);
    const short = await resetPassword(t, token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    expect((await resetPassword(t, token, NEW_PASSWORD)).status).toBe(200);
  });

  it('asks an account with two-factor sign-in for a code before using the link: none (400), wrong (401, the link kept), then right', async () => {
    const user = await newTwoFactorUser(t, { prefix: 'twofactor' });
    const token = await resetToken(user);
    const none = await resetPassword(t, token, NEW_PASSWORD);
    expect(none.status).toBe(400);
    expect(none.body.fields).toEqual([expect.objectContaining({ field: 'code' })]);
    expect((await resetPassword(t, token, NEW_PASSWORD, user.device.wrong())).body.code).toBe('invalid_mfa_code');
    expect((await resetPassword(t, token, NEW_PASSWORD, user.device.next())).status).toBe(200);
    // Still a two-factor account: the new password alone is a first step, not a session.
    expect((await passwordSignIn(t, user.email, NEW_PASSWORD)).body.code).toBe('mfa_required');
  });

  it('takes a recovery code instead of a TOTP code (a lost device), once', async () => {
    const user = await newTwoFactorUser(t, { prefix: 'lostdevice' });
    expect((await resetPassword(t, await resetToken(user), NEW_PASSWORD, user.recoveryCodes[0])).status).toBe(200);
    await clockPasses(Date.now() + INTERVAL_MS);
    const second = await eventually(() => resetToken(user, 2).catch(() => null), (token) => token !== null);
    expect((await resetPassword(t, second!, 'An0ther-N3w-pass', user.recoveryCodes[0])).body.code).toBe('invalid_mfa_code');
  });

  it('refuses a link mailed before the account changed its e-mail address', async () => {
    const user = await newUser(t, { prefix: 'moved' });
    const token = await resetToken(user);
    await sql(t, `UPDATE users SET email = ${$(1)} WHERE id = ${$(2)}`, [`moved-away-${user.id}@example.test`, user.id]);
    expect((await resetPassword(t, token, NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await passwordSignIn(t, `moved-away-${user.id}@example.test`, user.password)).status).toBe(200);
  });

  it('ends an automatic lock, but not a lock an admin set', async () => {
    const locked = await newUser(t, { prefix: 'autolocked' });
    for (let i = 0; i < 3; i++) await passwordSignIn(t, locked.email, 'wrong-password');
    expect((await passwordSignIn(t, locked.email, locked.password)).status).toBe(423);
    expect((await resetPassword(t, await resetToken(locked), NEW_PASSWORD)).status).toBe(200);
    expect((await passwordSignIn(t, locked.email, NEW_PASSWORD)).status).toBe(200);

    const held = await newUser(t, { prefix: 'adminlocked' });
    const admin = await adminToken(t);
    expect((await t.http().post(`/api/users/${held.id}/lock`).set('authorization', bearer(admin))).status).toBe(200);
    expect((await resetPassword(t, await resetToken(held), NEW_PASSWORD)).status).toBe(200);
    expect((await passwordSignIn(t, held.email, NEW_PASSWORD)).status).toBe(423);
  });

  it('sends nothing to an unknown, a disabled or a deleted account', async () => {
    const disabled = await newUser(t, { prefix: 'disabled', fields: { isActive: false } });
    const deleted = await newUser(t, { prefix: 'deleted' });
    await t.http().delete(`/api/users/${deleted.id}`).set('authorization', bearer(await adminToken(t)));
    for (const email of [disabled.email, deleted.email, 'nobody-at-all@example.test']) expect((await forgotPassword(t, email)).status).toBe(202);
    await settled(t);
    for (const email of [disabled.email, deleted.email, 'nobody-at-all@example.test']) expect(mailsTo(smtp(), email)).toEqual([]);
  });
});

describeEachDatabase('password reset: expiry', (kind) => {
  const smtp = useSmtpServer();
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, PASSWORD_RESET_TTL: '300ms' }));

  it('refuses a link once PASSWORD_RESET_TTL has passed', async () => {
    const user = await newUser(t, { prefix: 'expiry' });
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const [mail] = await waitForMails(smtp(), user.email);
    // The token was issued before its mail arrived, so it has expired 300 ms after the arrival.
    await clockPasses(Date.now() + 300);
    const res = await resetPassword(t, linkToken(mail, '/reset-password')!, NEW_PASSWORD);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_reset_token');
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
  });
});
