import { flushAudit } from './support/audit';
import { describeEachDatabase, SQLITE } from './support/databases';
import { expect400Naming } from './support/expectations';
import { clockPasses } from './support/poll';
import { answeredBeforeLookup, settled, signUp, verifyEmail } from './support/self-service';
import { me, passwordSignIn, signIn } from './support/sessions';
import { linkToken, mailsTo, useSmtpServer, waitForMails } from './support/smtp';
import { count, param } from './support/sql';
import { useTestApp } from './support/test-app';
import { newUser } from './support/users';

const PASSWORD = 'Signed-up-passw0rd';
const ACCEPTED = { message: 'Check your e-mail: we sent you a link to finish signing up' };
let seq = 0;
const address = (prefix: string) => `${prefix}-${++seq}@example.test`;

describe('sign-up while SIGNUP_ENABLED is off (the default)', () => {
  const t = useTestApp(SQLITE);

  it('answers 404 signup_disabled, before reading the body', async () => {
    for (const body of [{ email: address('closed'), password: PASSWORD }, { nonsense: true }]) {
      const res = await signUp(t, body);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('signup_disabled');
    }
  });
});

describeEachDatabase('sign-up', (kind) => {
  const smtp = useSmtpServer();
  const INTERVAL_MS = 1000;
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, SIGNUP_ENABLED: 'true', EMAIL_VERIFICATION_INTERVAL: `${INTERVAL_MS}ms` }));

  it('makes the account, mails a link, refuses sign-in until the address is verified, then signs in', async () => {
    const email = address('newcomer');
    const res = await signUp(t, { email: email.toUpperCase(), password: PASSWORD, username: 'Newcomer.One', name: ' Nia Newcomer ' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(ACCEPTED);
    const [mail] = await waitForMails(smtp(), email);
    expect(mail.subject).toBe('Confirm your e-mail address to finish signing up');
    const refused = await passwordSignIn(t, email, PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('email_not_verified');
    expect((await passwordSignIn(t, email, 'not-the-password')).status).toBe(401);

    expect((await verifyEmail(t, linkToken(mail, '/verify-email')!)).status).toBe(200);
    const session = await signIn(t, 'newcomer.one', PASSWORD);
    expect((await me(t, session.accessToken)).body).toMatchObject({ email, username: 'newcomer.one', name: 'Nia Newcomer', emailVerified: true, roles: ['user'] });
    await flushAudit(t);
    await expect(count(t, `SELECT COUNT(*) AS n FROM audit_events WHERE type = 'user.created' AND "subjectId" = ${param(kind, 1)}`, [session.user.id])).resolves.toBe(1);
  });

  it('answers an address that has an account exactly as a new one, before looking either up; its owner is told by mail', async () => {
    const owner = await newUser(t, { prefix: 'owner' });
    const fresh = address('fresh');
    const known = await answeredBeforeLookup(t, () => signUp(t, { email: owner.email, password: PASSWORD }));
    const unknown = await answeredBeforeLookup(t, () => signUp(t, { email: fresh, password: PASSWORD }));
    for (const { res, lookedUpAfterAnswer } of [known, unknown]) {
      expect(lookedUpAfterAnswer).toBe(true);
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
    }
    expect(Object.keys(known.res.headers).sort()).toEqual(Object.keys(unknown.res.headers).sort());
    expect(known.res.headers['content-length']).toBe(unknown.res.headers['content-length']);
    expect(mailsTo(smtp(), owner.email).map((m) => m.subject)).toEqual(['You already have an account']);
    expect(mailsTo(smtp(), fresh).map((m) => m.subject)).toEqual(['Confirm your e-mail address to finish signing up']);
    // The existing account is untouched: the sign-up's password does not open it.
    expect((await passwordSignIn(t, owner.email, PASSWORD)).status).toBe(401);
    expect((await passwordSignIn(t, owner.email, owner.password)).status).toBe(200);
  });

  it('sends a new link, voiding the older one, when an unverified address signs up again', async () => {
    const email = address('again');
    expect((await signUp(t, { email, password: PASSWORD })).status).toBe(202);
    const [first] = await waitForMails(smtp(), email);
    await clockPasses(Date.now() + INTERVAL_MS);
    expect((await signUp(t, { email, password: 'Other-passw0rd-2' })).status).toBe(202);
    const [, second] = await waitForMails(smtp(), email, 2);
    expect(second.subject).toBe('Confirm your e-mail address to finish signing up');
    expect((await verifyEmail(t, linkToken(first, '/verify-email')!)).body.code).toBe('invalid_verification_token');
    expect((await verifyEmail(t, linkToken(second, '/verify-email')!)).status).toBe(200);
    // The first sign-up's password stays: a second sign-up cannot change an account's password.
    expect((await passwordSignIn(t, email, PASSWORD)).status).toBe(200);
  });

  it('makes no account when the username is taken, and says so by mail', async () => {
    const holder = await newUser(t, { prefix: 'holder' });
    const email = address('clash');
    expect((await signUp(t, { email, password: PASSWORD, username: holder.username })).status).toBe(202);
    const [mail] = await waitForMails(smtp(), email);
    expect(mail.subject).toBe('Your sign-up was not completed');
    expect((await passwordSignIn(t, email, PASSWORD)).status).toBe(401);
  });

  it('sends at most one mail per address per EMAIL_VERIFICATION_INTERVAL, whatever the number of sign-ups', async () => {
    const owner = await newUser(t, { prefix: 'flooded' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => signUp(t, { email: owner.email, password: PASSWORD })));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    await settled(t);
    expect(mailsTo(smtp(), owner.email)).toHaveLength(1);
  });

  it('checks the body and the password rules before answering (400 naming the field)', async () => {
    expect400Naming(await signUp(t, { email: 'not-an-address', password: PASSWORD }), 'email');
    expect400Naming(await signUp(t, { email: address('short'), password: 'short' }), 'password');
    expect400Naming(await signUp(t, { email: address('extra'), password: PASSWORD, roles: ['admin'] }), 'roles');
  });
});

describeEachDatabase('sign-up with SIGNUP_REQUIRE_VERIFIED_EMAIL=false', (kind) => {
  const smtp = useSmtpServer();
  const t = useTestApp(kind, () => ({ SMTP_URL: smtp().url, SIGNUP_ENABLED: 'true', SIGNUP_REQUIRE_VERIFIED_EMAIL: 'false' }));

  it('signs in at once, and still mails the verification link', async () => {
    const email = address('eager');
    expect((await signUp(t, { email, password: PASSWORD })).status).toBe(202);
    const [mail] = await waitForMails(smtp(), email);
    const session = await signIn(t, email, PASSWORD);
    expect((await me(t, session.accessToken)).body.emailVerified).toBe(false);
    expect(linkToken(mail, '/verify-email')).toEqual(expect.any(String));
  });
});
