import { describeEachDatabase } from './support/databases';
import { eventually } from './support/poll';
import { answeredBeforeLookup, forgotPassword, resetPassword, settled, signUp, verifyEmail } from './support/self-service';
import { passwordSignIn } from './support/sessions';
import { linkToken, mailsTo, useSmtpServer, waitForMails } from './support/smtp';
import { useTestApp } from './support/test-app';
import { newUser } from './support/users';

const NEW_PASSWORD = 'Owner-new-passw0rd';

describeEachDatabase('forgot password: one answer for every address, and the owner side of its limit', (kind) => {
  const smtp = useSmtpServer();
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, PASSWORD_RESET_INTERVAL: '1s' }));

  it('answers an address with an account and one without alike (status, body, headers), before looking either up', async () => {
    const user = await newUser(t, { prefix: 'known' });
    const known = await answeredBeforeLookup(t, () => forgotPassword(t, user.email));
    const unknown = await answeredBeforeLookup(t, () => forgotPassword(t, 'no-account-here@example.test'));
    for (const { res, lookedUpAfterAnswer } of [known, unknown]) {
      expect(lookedUpAfterAnswer).toBe(true);
      expect(res.status).toBe(202);
    }
    expect(known.res.body).toEqual(unknown.res.body);
    expect(Object.keys(known.res.headers).sort()).toEqual(Object.keys(unknown.res.headers).sort());
    expect(known.res.headers['content-length']).toBe(unknown.res.headers['content-length']);
    // settled() ran in answeredBeforeLookup: every mail has been handed over.
    expect(mailsTo(smtp(), user.email)).toHaveLength(1);
    expect(mailsTo(smtp(), 'no-account-here@example.test')).toHaveLength(0);
  });

  it("sends one mail per PASSWORD_RESET_INTERVAL however many requests, keeps that mail's link valid, and lets a steady flood never stop the next mail", async () => {
    const owner = await newUser(t, { prefix: 'flooded' });
    const burst = await Promise.all(Array.from({ length: 5 }, () => forgotPassword(t, owner.email)));
    expect(burst.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    await settled(t);
    const [first] = mailsTo(smtp(), owner.email);
    expect(mailsTo(smtp(), owner.email)).toHaveLength(1);
    // The requests refused inside the interval issued nothing: the link mailed first still works.
    expect((await resetPassword(t, linkToken(first, '/reset-password')!, NEW_PASSWORD)).status).toBe(200);
    // A request every 20 ms: with a limit that every refused request pushed back, no second mail would ever come.
    const mails = await eventually(async () => {
      await forgotPassword(t, owner.email);
      await settled(t);
      return mailsTo(smtp(), owner.email);
    }, (all) => all.length >= 2);
    expect(mails).toHaveLength(2);
    expect((await resetPassword(t, linkToken(mails[1], '/reset-password')!, 'Second-new-passw0rd')).status).toBe(200);
  });
});

describeEachDatabase('per-address limit of the e-mail flows', (kind) => {
  const smtp = useSmtpServer();
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, SIGNUP_ENABLED: 'true', SELF_SERVICE_RATE_LIMIT_IP: '4', SELF_SERVICE_RATE_LIMIT_WINDOW: '1m' }));

  it('counts forgot, reset, verify and sign-up together per client address: 429 with Retry-After past the limit', async () => {
    const user = await newUser(t, { prefix: 'limited' });
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const [mail] = await waitForMails(smtp(), user.email);
    expect((await verifyEmail(t, 'B'.repeat(43))).status).toBe(400);
    expect((await signUp(t, { email: 'limited-signup@example.test', password: NEW_PASSWORD })).status).toBe(202);
    expect((await forgotPassword(t, 'other@example.test')).status).toBe(202);
    for (const res of [
      await forgotPassword(t, user.email),
      await resetPassword(t, linkToken(mail, '/reset-password')!, NEW_PASSWORD),
      await verifyEmail(t, 'B'.repeat(43)),
      await signUp(t, { email: 'limited-signup-2@example.test', password: NEW_PASSWORD }),
    ]) {
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // A limit of its own: signing in is not affected.
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
  });
});
