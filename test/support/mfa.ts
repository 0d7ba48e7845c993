import { ClientCredentials, CLIENT } from './seed';
import { bearer, passwordSignIn, Session } from './sessions';
import { HasHttp } from './test-app';
import { TotpDevice } from './totp';
import { newSignedInUser, NewUserOptions, TestUser } from './users';

/** A user with two-factor sign-in on: the authenticator (its secret and the last step used) and the recovery codes. */
export interface TwoFactorUser extends TestUser {
  device: TotpDevice;
  recoveryCodes: string[];
  /** The session the confirmation answered (every earlier one has ended). */
  session: Session;
}

/** POST /api/users/me/2fa/totp; the raw response. */
export function startEnrolment(t: HasHttp, accessToken: string) {
  return t.http().post('/api/users/me/2fa/totp').set('authorization', bearer(accessToken));
}

/** POST /api/users/me/2fa/totp/confirm; the raw response. */
export function confirmEnrolment(t: HasHttp, accessToken: string, body: { code: string; password?: string }) {
  return t.http().post('/api/users/me/2fa/totp/confirm').set('authorization', bearer(accessToken)).send(body);
}

/** Turns two-factor sign-in on for a signed-in user (the steps an SPA takes), which must succeed. */
export async function enableTwoFactor(t: HasHttp, user: TestUser & { session: Session }): Promise<TwoFactorUser> {
  const started = await startEnrolment(t, user.session.accessToken);
  if (started.status !== 200) throw new Error(`enrolment failed: ${started.status} ${JSON.stringify(started.body)}`);
  const device = new TotpDevice(started.body.secret as string);
  const confirmed = await confirmEnrolment(t, user.session.accessToken, { code: device.next(), password: user.password });
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { ...user, device, recoveryCodes: confirmed.body.recoveryCodes as string[], session: confirmed.body as Session };
}

/** A new user with two-factor sign-in on. */
export async function newTwoFactorUser(t: HasHttp, options: NewUserOptions = {}): Promise<TwoFactorUser> {
  return enableTwoFactor(t, await newSignedInUser(t, { prefix: 'mfa', ...options }));
}

/** The body of POST /api/auth/login with type mfa. */
export function mfaLogin(mfaToken: string, code: string, client: ClientCredentials = CLIENT) {
  return { type: 'mfa', ...client, withMfa: { mfaToken, code } };
}

/** POST /api/auth/login with type mfa; the raw response. */
export function mfaSignIn(t: HasHttp, mfaToken: string, code: string, client: ClientCredentials = CLIENT) {
  return t.http().post('/api/auth/login').send(mfaLogin(mfaToken, code, client));
}

/** The first step of a user's two-factor sign-in (password), which must answer 401 mfa_required; its mfaToken. */
export async function firstStep(t: HasHttp, user: Pick<TestUser, 'email' | 'password'>, client: ClientCredentials = CLIENT): Promise<string> {
  const res = await passwordSignIn(t, user.email, user.password, client);
  if (res.status !== 401 || res.body.code !== 'mfa_required') throw new Error(`expected mfa_required: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.mfaToken as string;
}

/** Both steps with a TOTP code, which must succeed; the session. */
export async function twoFactorSignIn(t: HasHttp, user: TwoFactorUser, client: ClientCredentials = CLIENT): Promise<Session> {
  const res = await mfaSignIn(t, await firstStep(t, user, client), user.device.next(), client);
  if (res.status !== 200) throw new Error(`mfa sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}
