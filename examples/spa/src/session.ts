import { api, failureOf, setAccessToken, type Failure, type LoginBody, type User } from './api/client';
import { config } from './config';

/** The answer of a sign-in: signed in, the second factor is wanted, or refused. */
export type SignInOutcome = { kind: 'signed-in' } | { kind: 'mfa'; mfaToken: string } | { kind: 'refused'; failure: Failure };

/** The signed-in user as /api/users/me answered, and how many silent refreshes this page has done. */
export const state = { user: null as User | null, refreshes: 0, ended: null as string | null };

let timer: ReturnType<typeof setTimeout> | undefined;
let onChange: () => void = () => undefined;

export function whenSessionChanges(render: () => void): void {
  onChange = render;
}

/** POST /api/auth/login. The refresh token is never in the answer: Gatehouse sets it as an HttpOnly cookie. */
async function login(body: LoginBody): Promise<SignInOutcome> {
  const { data, error, response } = await api.POST('/api/auth/login', { body });
  if (data) {
    await begin(data.accessToken, data.expiresIn);
    return { kind: 'signed-in' };
  }
  const failure = failureOf(response, error);
  if (failure.code === 'mfa_required' && failure.mfaToken) return { kind: 'mfa', mfaToken: failure.mfaToken };
  return { kind: 'refused', failure };
}

export const signInWithPassword = (emailOrUsername: string, password: string) =>
  login({ type: 'password', clientId: config.clientId, withPassword: { emailOrUsername, password } });

export const signInWithGoogle = (idToken: string) => login({ type: 'google', clientId: config.clientId, withGoogle: { idToken } });

export const answerSecondFactor = (mfaToken: string, code: string) =>
  login({ type: 'mfa', clientId: config.clientId, withMfa: { mfaToken, code } });

/**
 * A refresh from the cookie: no token in the body (the page has none to send). At start-up this is how a reload
 * keeps the session; afterwards a timer does it before the access token expires.
 */
export async function refresh(): Promise<boolean> {
  const { data, error, response } = await api.POST('/api/auth/login', { body: { type: 'refresh_token', clientId: config.clientId } });
  if (data) {
    await begin(data.accessToken, data.expiresIn);
    return true;
  }
  const failure = failureOf(response, error);
  // 429: the session is fine, only too many requests; try again when told to.
  if (failure.status === 429) {
    schedule(failure.retryAfter ?? 30);
    return state.user !== null;
  }
  // invalid_refresh_token (expired, signed out elsewhere) or refresh_token_reused (a copy was used: every token of
  // the session is revoked): either way the session is over and the person signs in again.
  end(failure.code === 'refresh_token_reused' ? 'Your session was ended for your safety. Please sign in again.' : null);
  return false;
}

/** Ends the session at Gatehouse (it reads and clears the cookie), then forgets the access token. */
export async function signOut(): Promise<void> {
  await api.POST('/api/auth/logout', { body: {} });
  end(null);
}

async function begin(accessToken: string, expiresIn: number): Promise<void> {
  setAccessToken(accessToken);
  const { data } = await api.GET('/api/users/me');
  state.user = data ?? null;
  state.ended = null;
  // Well before expiry (three quarters of the lifetime), so a slow network never meets an expired token.
  schedule(Math.max(5, Math.floor(expiresIn * 0.75)));
  onChange();
}

function schedule(seconds: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void refresh().then((ok) => {
      if (ok) state.refreshes += 1;
      onChange();
    });
  }, seconds * 1000);
}

function end(reason: string | null): void {
  clearTimeout(timer);
  setAccessToken(null);
  state.user = null;
  state.ended = reason;
  onChange();
}
