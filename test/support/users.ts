import { SYSTEM_CTX } from './seed';
import { loginToken, Session, signIn } from './sessions';
import { HasHttp } from './test-app';

/** PUT /api/users with the system context, as the upstream system syncs a user; the raw response. */
export function putUser(t: HasHttp, body: object) {
  return t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).send(body);
}

/** Creates (or updates) a user through the sync, which must succeed; returns the response body. */
export async function syncUser(t: HasHttp, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await putUser(t, body);
  if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** A user made by newUser, with the password it signs in with. */
export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
}

export interface NewUserOptions {
  /** Start of the e-mail and username (`<prefix><n>@example.test`), so a failing test names whose user it is. */
  prefix?: string;
  password?: string;
  /** Further fields of the sync body (roles, isActive…). */
  fields?: Record<string, unknown>;
}

export const DEFAULT_PASSWORD = 'Test-passw0rd-1';
let seq = 0;

/** A user of its own for each test (so no test depends on another's), created through the sync. */
export async function newUser(t: HasHttp, options: NewUserOptions = {}): Promise<TestUser> {
  const { prefix = 'user', password = DEFAULT_PASSWORD, fields = {} } = options;
  const username = `${prefix}${++seq}`;
  const email = `${username}@example.test`;
  const body = await syncUser(t, { email, username, password, ...fields });
  return { id: body.id as string, email, username, password };
}

/** A new user and a session of theirs (signed in with the password). */
export async function newSignedInUser(t: HasHttp, options: NewUserOptions = {}): Promise<TestUser & { session: Session }> {
  const user = await newUser(t, options);
  return { ...user, session: await signIn(t, user.email, user.password) };
}

/** A user with the admin role, and its access token. */
export async function adminToken(t: HasHttp): Promise<string> {
  await syncUser(t, { username: 'root.admin', email: 'admin@example.test', password: 'Adm1n-passw0rd', roles: ['admin'], emailVerified: true });
  return loginToken(t, 'admin@example.test', 'Adm1n-passw0rd');
}
