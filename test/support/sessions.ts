import { DataSource } from 'typeorm';
import { CLIENT, passwordLogin } from './seed';
import { TestApp } from './test-app';

export interface Session {
  accessToken: string;
  refreshToken: string;
  refreshExpiresIn: number;
  user: { id: string };
}

type ClientCredentials = { clientId: string; clientSecret?: string };

/** A password login that must succeed; the whole response body. */
export async function signIn(t: TestApp, emailOrUsername: string, password: string, client: ClientCredentials = CLIENT): Promise<Session> {
  const res = await t.http().post('/api/auth/login').send(passwordLogin(emailOrUsername, password, client));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}

export function refreshBody(refreshToken: string, client: ClientCredentials = CLIENT) {
  return { type: 'refresh_token', ...client, withRefreshToken: { refreshToken } };
}

/** POST /api/auth/login with type refresh_token; the raw supertest response. */
export function refresh(t: TestApp, refreshToken: string, client: ClientCredentials = CLIENT) {
  return t.http().post('/api/auth/login').send(refreshBody(refreshToken, client));
}

export function me(t: TestApp, accessToken: string) {
  return t.http().get('/api/users/me').set('authorization', `Bearer ${accessToken}`);
}

/** Plain SQL for checks and for moving stored times; identifiers are quoted for PostgreSQL (SQLite accepts it too). */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string): Promise<T[]> {
  return t.app.get(DataSource).query(query) as Promise<T[]>;
}
