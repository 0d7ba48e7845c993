import { TestApp } from './test-app';

/** The header of the seed document, base64-encoded as it should be. */
export const SYSTEM_CTX = Buffer.from(JSON.stringify({ id: '__system', user: '__system' })).toString('base64');

export const CLIENT = { clientId: 'client-app-id', clientSecret: 'client-app-secret' };

export function passwordLogin(emailOrUsername: string, password: string, client: { clientId: string; clientSecret?: string } = CLIENT) {
  return { type: 'password', ...client, withPassword: { emailOrUsername, password } };
}

/** Creates (or updates) a user through PUT /api/users with the system context; returns the response body. */
export async function syncUser(t: TestApp, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).send(body);
  if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** Signs in with a password through the seed's client and returns the access token. */
export async function loginToken(t: TestApp, emailOrUsername: string, password: string): Promise<string> {
  const res = await t.http().post('/api/auth/login').send(passwordLogin(emailOrUsername, password));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

/** A user with the admin role and its token. */
export async function adminToken(t: TestApp): Promise<string> {
  await syncUser(t, { username: 'root.admin', email: 'admin@example.test', password: 'Adm1n-passw0rd', roles: ['admin'], emailVerified: true });
  return loginToken(t, 'admin@example.test', 'Adm1n-passw0rd');
}
