import { describeEachDatabase } from './support/databases';
import { signGoogleIdToken, TEST_GOOGLE_CLIENT_ID } from './support/google-tokens';
import { useJwksServer } from './support/jwks-server';
import { googleLogin, SYSTEM_CTX } from './support/seed';
import { bearer, refresh, signIn } from './support/sessions';
import { useTestApp } from './support/test-app';
import { adminToken, newUser, putUser } from './support/users';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
}

/** Not kept by any cache: RFC 6749 §5.1 for token responses, and the same for every answer that carries a user. */
function expectNoStore(res: Answer, status = 200): void {
  expect({ status: res.status, cacheControl: res.headers['cache-control'], pragma: res.headers['pragma'] }).toEqual({ status, cacheControl: 'no-store', pragma: 'no-cache' });
}

/** Finding 7 of the account-protection issue: answers with tokens or users in them said nothing to caches. */
describeEachDatabase('Cache-Control: no-store', (kind) => {
  const jwks = useJwksServer();
  const t = useTestApp(kind, () => ({ GOOGLE_CLIENT_IDS: TEST_GOOGLE_CLIENT_ID, GOOGLE_JWKS_URI: jwks.server.url }));

  it('is on every token response: password, refresh, Orion password and Google sign-ins, own password change', async () => {
    const user = await newUser(t, { prefix: 'cache' });
    const login = await t.http().post('/api/auth/login').send({ type: 'password', clientId: 'client-app-id', clientSecret: 'client-app-secret', withPassword: { emailOrUsername: user.email, password: user.password } });
    expectNoStore(login);
    expectNoStore(await refresh(t, login.body.refreshToken));
    expectNoStore(await t.http().post('/users/login').send({ email: user.email, password: user.password }));
    const idToken = await signGoogleIdToken(jwks.key, { sub: 'cache-sub', email: 'cache-google@gmail.example' });
    expectNoStore(await t.http().post('/users/login/google').send({ idToken }));
    expectNoStore(await t.http().post('/api/auth/login').send(googleLogin(idToken)));
    const { accessToken } = await signIn(t, user.email, user.password);
    expectNoStore(await t.http().post('/api/users/me/password').set('authorization', bearer(accessToken)).send({ currentPassword: user.password, newPassword: 'Cache-passw0rd-2' }));
  });

  it('is on every answer that carries a user, and on refusals of sign-in', async () => {
    const user = await newUser(t, { prefix: 'cacheuser' });
    const { accessToken } = await signIn(t, user.email, user.password);
    const admin = await adminToken(t);

    expectNoStore(await t.http().get('/api/users/me').set('authorization', bearer(accessToken)));
    expectNoStore(await t.http().patch('/api/users/me').set('authorization', bearer(accessToken)).send({ firstName: 'Cached' }));
    expectNoStore(await putUser(t, { email: user.email, lastName: 'Synced' }));
    expectNoStore(await t.http().get('/api/users').set('x-user-ctx', SYSTEM_CTX));
    expectNoStore(await t.http().get(`/api/users/${user.id}`).set('authorization', bearer(admin)));
    expectNoStore(await t.http().post('/users/login').send({ email: user.email, password: 'wrong-password' }), 401);
  });

  it('leaves the published keys and discovery document cacheable, as they choose', async () => {
    for (const path of ['/.well-known/jwks.json', '/.well-known/openid-configuration']) {
      const res = await t.http().get(path);
      expect({ cacheControl: res.headers['cache-control'], pragma: res.headers['pragma'] }).toEqual({ cacheControl: 'public, max-age=300', pragma: undefined });
    }
  });
});
