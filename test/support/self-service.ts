import { BackgroundWork } from '../../src/common/process/background-work';
import { Mailer } from '../../src/mail/mailer';
import { SelfServiceUsers } from '../../src/users/self-service/self-service-users.service';
import { HasHttp, TestApp } from './test-app';

/** POST /api/auth/password/forgot; the raw response. */
export function forgotPassword(t: HasHttp, email: string) {
  return t.http().post('/api/auth/password/forgot').send({ email });
}

/** POST /api/auth/password/reset; the raw response. */
export function resetPassword(t: HasHttp, token: string, newPassword: string, code?: string) {
  return t.http().post('/api/auth/password/reset').send({ token, newPassword, ...(code === undefined ? {} : { code }) });
}

/** POST /api/auth/email/verify; the raw response. */
export function verifyEmail(t: HasHttp, token: string) {
  return t.http().post('/api/auth/email/verify').send({ token });
}

/** POST /api/auth/signup; the raw response. */
export function signUp(t: HasHttp, body: Record<string, unknown>) {
  return t.http().post('/api/auth/signup').send(body);
}

/**
 * Until the work the e-mail flows do after answering is done and its mails are handed over: for a test that must
 * show a mail was NOT sent (polling cannot prove an absence).
 */
export async function settled(t: TestApp): Promise<void> {
  await t.app.get(BackgroundWork).idle();
  await t.app.get(Mailer).idle();
}

/** What answeredBeforeLookup saw. */
export interface HeldLookup<R> {
  res: R;
  /** True when the account was looked up only once the client had its answer; false if the answer waited for it. */
  lookedUpAfterAnswer: boolean | null;
}

/**
 * Sends `request` while holding the account lookup of the e-mail flows (SelfServiceUsers.findByEmail) until the
 * client has its answer. An answer that depended on the lookup would wait for it: the hold is then released by a
 * fallback after 2 s, and `lookedUpAfterAnswer` is false. So the answer's time cannot depend on whether the
 * account exists, which is shown without measuring any time.
 */
export async function answeredBeforeLookup<R>(t: TestApp, request: () => PromiseLike<R>): Promise<HeldLookup<R>> {
  const users = t.app.get(SelfServiceUsers);
  const lookup = users.findByEmail.bind(users);
  let answered = false;
  let lookedUpAfterAnswer: boolean | null = null;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fallback = setTimeout(() => release(), 2000);
  const spy = jest.spyOn(users, 'findByEmail').mockImplementation(async (email) => {
    await released;
    lookedUpAfterAnswer ??= answered;
    return lookup(email);
  });
  try {
    const res = await request();
    answered = true;
    release();
    await settled(t);
    return { res, lookedUpAfterAnswer };
  } finally {
    clearTimeout(fallback);
    spy.mockRestore();
  }
}
