import { ClientCredentials, CLIENT, passwordLogin, refreshBody } from './seed';
import { HasHttp } from './test-app';

/** What a successful sign-in answers, as the tests read it. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  refreshExpiresIn: number;
  user: { id: string };
}

/** POST /api/auth/login with a password; the raw response (a test that expects a refusal reads it). */
export function passwordSignIn(t: HasHttp, emailOrUsername: string, password: string, client: ClientCredentials = CLIENT) {
  return t.http().post('/api/auth/login').send(passwordLogin(emailOrUsername, password, client));
}

/** A password sign-in that must succeed; the whole response body. */
export async function signIn(t: HasHttp, emailOrUsername: string, password: string, client: ClientCredentials = CLIENT): Promise<Session> {
  const res = await passwordSignIn(t, emailOrUsername, password, client);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}

/** A password sign-in through the seed's client that must succeed; its access token. */
export async function loginToken(t: HasHttp, emailOrUsername: string, password: string): Promise<string> {
  return (await signIn(t, emailOrUsername, password)).accessToken;
}

/** POST /api/auth/login with type refresh_token; the raw supertest response. */
export function refresh(t: HasHttp, refreshToken: string, client: ClientCredentials = CLIENT) {
  return t.http().post('/api/auth/login').send(refreshBody(refreshToken, client));
}

export function bearer(accessToken: string): string {
  return `Bearer ${accessToken}`;
}

/** GET /api/users/me with the token; the raw response. */
export function me(t: HasHttp, accessToken: string) {
  return t.http().get('/api/users/me').set('authorization', bearer(accessToken));
}
