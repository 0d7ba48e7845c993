import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { clockPasses, eventually } from './support/poll';
import { verifyEmail } from './support/self-service';
import { bearer, me } from './support/sessions';
import { linkToken, useSmtpServer, waitForMails } from './support/smtp';
import { count, param, sql } from './support/sql';
import { HasHttp, useTestApp } from './support/test-app';
import { newSignedInUser } from './support/users';

const APP_URL = 'https://app.example.test';

/** POST /api/users/me/email/verification with the token; the raw response. */
function askForLink(t: HasHttp, accessToken: string) {
  return t.http().post('/api/users/me/email/verification').set('authorization', bearer(accessToken));
}

describeEachDatabase('e-mail verification', (kind) => {
  const smtp = useSmtpServer();
  const INTERVAL_MS = 1000;
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, APP_URL, EMAIL_VERIFICATION_INTERVAL: `${INTERVAL_MS}ms` }));

  /** Asks for a link with the user's session and returns the token of the verification mail. */
  async function verificationToken(user: { email: string; session: { accessToken: string } }): Promise<string> {
    expect((await askForLink(t, user.session.accessToken)).status).toBe(202);
    return linkToken((await waitForMails(smtp(), user.email))[0], '/verify-email')!;
  }

  it('goes from the mail received to a verified address; the link works once', async () => {
    const user = await newSignedInUser(t, { prefix: 'verify' });
    expect((await me(t, user.session.accessToken)).body.emailVerified).toBe(false);
    const res = await askForLink(t, user.session.accessToken);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: 'A verification link has been sent to your e-mail address' });
    const [mail] = await waitForMails(smtp(), user.email);
    expect(mail).toMatchObject({ to: [user.email], subject: 'Verify your e-mail address' });
    const token = linkToken(mail, '/verify-email');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${APP_URL}/verify-email?token=${token}"`);

    const verified = await verifyEmail(t, token!);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ email: user.email, emailVerified: true });
    expect((await me(t, user.session.accessToken)).body.emailVerified).toBe(true);
    const again = await verifyEmail(t, token!);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invalid_verification_token');
    await flushAudit(t);
    await expect(count(t, `SELECT COUNT(*) AS n FROM audit_events WHERE type = 'email.verified' AND "subjectId" = ${param(kind, 1)}`, [user.id])).resolves.toBe(1);
  });

  it('answers 409 for an address already verified, and 401 without a token', async () => {
    const user = await newSignedInUser(t, { prefix: 'already', fields: { emailVerified: true } });
    const res = await askForLink(t, user.session.accessToken);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_already_verified');
    expect((await t.http().post('/api/users/me/email/verification')).status).toBe(401);
  });

  it('sends at most one link per EMAIL_VERIFICATION_INTERVAL (429 with Retry-After), and only the newest works', async () => {
    const user = await newSignedInUser(t, { prefix: 'newest' });
    expect((await askForLink(t, user.session.accessToken)).status).toBe(202);
    const asked = Date.now();
    const tooSoon = await askForLink(t, user.session.accessToken);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.code).toBe('rate_limited');
    expect(tooSoon.headers['retry-after']).toBe('1');
    const first = linkToken((await waitForMails(smtp(), user.email))[0], '/verify-email')!;
    await clockPasses(asked + INTERVAL_MS);
    const second = await eventually(() => askForLink(t, user.session.accessToken), (res) => res.status === 202);
    expect(second.status).toBe(202);
    const [, mail] = await waitForMails(smtp(), user.email, 2);
    expect((await verifyEmail(t, first)).body.code).toBe('invalid_verification_token');
    expect((await verifyEmail(t, linkToken(mail, '/verify-email')!)).status).toBe(200);
  });

  it('refuses a link sent to an address the account no longer has', async () => {
    const user = await newSignedInUser(t, { prefix: 'former' });
    const token = await verificationToken(user);
    await sql(t, `UPDATE users SET email = ${param(kind, 1)} WHERE id = ${param(kind, 2)}`, [`former-now-${user.id}@example.test`, user.id]);
    expect((await verifyEmail(t, token)).body.code).toBe('invalid_verification_token');
    const [row] = await sql<{ emailVerified: unknown }>(t, `SELECT "emailVerified" FROM users WHERE id = ${param(kind, 1)}`, [user.id]);
    expect(Boolean(row.emailVerified)).toBe(false);
  });

  it('refuses a token that was never issued, and a body without one (400 naming token)', async () => {
    expect((await verifyEmail(t, 'A'.repeat(43))).body.code).toBe('invalid_verification_token');
    expect400Naming(await t.http().post('/api/auth/email/verify').send({}), 'token');
  });
});

describeEachDatabase('e-mail verification: expiry', (kind) => {
  const smtp = useSmtpServer();
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, EMAIL_VERIFICATION_TTL: '300ms' }));

  it('refuses a link once EMAIL_VERIFICATION_TTL has passed', async () => {
    const user = await newSignedInUser(t, { prefix: 'stale' });
    expect((await askForLink(t, user.session.accessToken)).status).toBe(202);
    const [mail] = await waitForMails(smtp(), user.email);
    // The token was issued before its mail arrived, so it has expired 300 ms after the arrival.
    await clockPasses(Date.now() + 300);
    expect((await verifyEmail(t, linkToken(mail, '/verify-email')!)).body.code).toBe('invalid_verification_token');
    expect((await me(t, user.session.accessToken)).body.emailVerified).toBe(false);
  });
});
