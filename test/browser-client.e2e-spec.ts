import { SQLITE } from './support/databases';
import { BROWSER_CLIENT_ENV, cookieLogout, cookieRefresh, FROM_SPA, setCookie, SPA_CLIENT, SPA_ORIGIN } from './support/browser-client';
import { DEVICE_COOKIE } from './support/devices';
import { expect400Naming } from './support/expectations';
import { passwordSignIn, refresh, signIn } from './support/sessions';
import { TestApp, useTestApp } from './support/test-app';
import { newUser } from './support/users';

const NAME = 'gatehouse_refresh';

/** A browser client's password sign-in that must succeed: the response, and the cookie header a browser sends back. */
async function browserSignIn(t: TestApp, name = NAME) {
  const user = await newUser(t, { prefix: 'spa' });
  const res = await passwordSignIn(t, user.email, user.password, SPA_CLIENT).set('origin', SPA_ORIGIN);
  expect(res.status).toBe(200);
  const cookie = setCookie(res, name);
  if (!cookie) throw new Error(`no ${name} cookie set: ${JSON.stringify(res.headers['set-cookie'])}`);
  return { user, res, cookie, header: `${name}=${cookie.value}` };
}

describe('browser clients (spa-app::browser): the refresh token in an HttpOnly cookie, over http://localhost', () => {
  const t = useTestApp(SQLITE, { ...BROWSER_CLIENT_ENV, REFRESH_REUSE_INTERVAL: '0' });

  it('sets the refresh token as an HttpOnly, SameSite=Strict cookie scoped to /api/auth, and never puts it in the JSON', async () => {
    const { res, cookie } = await browserSignIn(t);

    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict']));
    expect(cookie.attributes).not.toContain('Secure');
    const maxAge = Number(cookie.attributes.find((a) => a.startsWith('Max-Age='))!.slice(8));
    expect(maxAge).toBe(res.body.refreshExpiresIn);
    expect(res.body).toEqual(expect.objectContaining({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 300 }));
    expect(res.body).not.toHaveProperty('refreshToken');
    // The device credential rides the same way: its HttpOnly cookie only.
    expect(res.body).not.toHaveProperty('deviceToken');
    expect(setCookie(res, DEVICE_COOKIE)).not.toBeNull();
    expect(res.text).not.toContain(cookie.value);
  });

  it('refreshes from the cookie (X-Requested-With, an allowed Origin or none): a new cookie, and still no token in the JSON', async () => {
    const { header } = await browserSignIn(t);
    const first = await cookieRefresh(t, header);
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('refreshToken');
    const next = setCookie(first, NAME)!;
    expect(`${NAME}=${next.value}`).not.toBe(header);
    expect(first.text).not.toContain(next.value);

    const withoutOrigin = await cookieRefresh(t, `${NAME}=${next.value}`, { 'x-requested-with': 'XMLHttpRequest' });
    expect(withoutOrigin.status).toBe(200);
  });

  it.each([
    ['no X-Requested-With', { origin: SPA_ORIGIN }],
    ['an empty X-Requested-With', { 'x-requested-with': ' ', origin: SPA_ORIGIN }],
    ['an Origin not in CORS_ORIGINS', { 'x-requested-with': 'fetch', origin: 'http://localhost:6666' }],
    ['the Gatehouse\'s own origin when not listed', { 'x-requested-with': 'fetch', origin: 'http://localhost:8080' }],
  ])('refuses a cookie refresh with %s (403 csrf_check_failed) and leaves the session as it was', async (_, headers) => {
    const { header } = await browserSignIn(t);
    const refused = await cookieRefresh(t, header, headers);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_check_failed');
    expect(setCookie(refused, NAME)).toBeNull();
    expect((await cookieRefresh(t, header)).status).toBe(200);
  });

  it('refuses the same way a logout through the cookie, which then still has its session', async () => {
    const { header } = await browserSignIn(t);
    const refused = await cookieLogout(t, header, { origin: SPA_ORIGIN });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_check_failed');
    expect((await cookieRefresh(t, header)).status).toBe(200);
  });

  it('answers 401 to a cookie refresh without the cookie (signed out): the SPA shows its sign-in page', async () => {
    const res = await cookieRefresh(t, null);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_refresh_token');
  });

  it('detects reuse through the cookie: the old cookie revokes the session, and each refusal clears the cookie', async () => {
    const { header } = await browserSignIn(t);
    const rotated = await cookieRefresh(t, header);
    const current = `${NAME}=${setCookie(rotated, NAME)!.value}`;

    const reused = await cookieRefresh(t, header);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('refresh_token_reused');
    expect(setCookie(reused, NAME)!.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/api/auth']));
    const after = await cookieRefresh(t, current);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_refresh_token');
  });

  it('logs out through the cookie: the session ends and the cookie is cleared', async () => {
    const { header } = await browserSignIn(t);
    const out = await cookieLogout(t, header);
    expect(out.status).toBe(204);
    const cleared = setCookie(out, NAME)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/api/auth', 'HttpOnly', 'SameSite=Strict']));
    expect((await cookieRefresh(t, header)).status).toBe(401);
    // Without a cookie, a browser's logout is still a 204 (idempotent), and clears whatever the browser keeps.
    expect((await cookieLogout(t, null)).status).toBe(204);
  });

  it('keeps the cookie to browser clients: another client without withRefreshToken is told to send it (400)', async () => {
    const user = await newUser(t);
    await signIn(t, user.email, user.password);
    const { header } = await browserSignIn(t);
    const res = await t.http().post('/api/auth/login').set(FROM_SPA).set('cookie', header).send({ type: 'refresh_token', clientId: 'client-app-id', clientSecret: 'client-app-secret' });
    expect400Naming(res, 'withRefreshToken');
  });

  it('hands a browser client its new session after a password change as a cookie too', async () => {
    const { user, res } = await browserSignIn(t);
    const changed = await t.http().post('/api/users/me/password').set('authorization', `Bearer ${res.body.accessToken}`)
      .send({ currentPassword: user.password, newPassword: 'Another-passw0rd-2' });
    expect(changed.status).toBe(200);
    expect(changed.body).not.toHaveProperty('refreshToken');
    const cookie = setCookie(changed, NAME)!;
    expect((await cookieRefresh(t, `${NAME}=${cookie.value}`)).status).toBe(200);
  });

  it('lets the SPA origin send X-Requested-With with credentials (CORS preflight)', async () => {
    const res = await t.http().options('/api/auth/login')
      .set({ origin: SPA_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-requested-with' });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SPA_ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-headers']).toContain('x-requested-with');
  });

  it('still answers a non-browser client its refresh token in the JSON', async () => {
    const user = await newUser(t);
    const session = await signIn(t, user.email, user.password);
    const res = await refresh(t, session.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(setCookie(res, NAME)).toBeNull();
  });
});

describe('browser clients behind https (PUBLIC_URL https://…): the __Host- cookie', () => {
  const t = useTestApp(SQLITE, { ...BROWSER_CLIENT_ENV, PUBLIC_URL: 'https://auth.example.test' });
  const HOST_NAME = `__Host-${NAME}`;

  it('names it __Host-gatehouse_refresh, Secure, Path=/ (what the prefix requires), no Domain', async () => {
    const { cookie } = await browserSignIn(t, HOST_NAME);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Strict']));
    expect(cookie.attributes.some((a) => a.toLowerCase().startsWith('domain='))).toBe(false);
  });

  it('reads only the prefixed name: a plain gatehouse_refresh cookie (one a sibling site could plant) is not taken', async () => {
    const { cookie } = await browserSignIn(t, HOST_NAME);
    expect((await cookieRefresh(t, `${NAME}=${cookie.value}`)).status).toBe(401);
    expect((await cookieRefresh(t, `${HOST_NAME}=${cookie.value}`)).status).toBe(200);
  });
});
