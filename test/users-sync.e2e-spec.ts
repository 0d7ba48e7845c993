import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { bearer, loginToken, me, refresh, signIn } from './support/sessions';
import { count } from './support/sql';
import { useTestApp } from './support/test-app';
import { adminToken, putUser, syncUser } from './support/users';

describeEachDatabase('PUT /api/users (sync)', (kind) => {
  let admin: string;
  const put = (body: object) => putUser(t, body);
  const countUsers = (email: string) => count(t, `SELECT COUNT(*) AS n FROM users WHERE email = '${email}'`);

  const t = useTestApp(kind);
  beforeAll(async () => {
    admin = await adminToken(t);
  });

  it('creates, then updates the same user matched by e-mail (password re-hashed, emailVerified as sent)', async () => {
    const created = await syncUser(t, { username: 'arya', email: 'Arya@Example.test', password: 'Needle-1234', emailVerified: true });
    expect(created).toMatchObject({ email: 'arya@example.test', username: 'arya', createdBy: '__system', updatedBy: null });
    const updated = await syncUser(t, { email: 'arya@example.test', password: 'Needle-5678', emailVerified: false, firstName: 'Arya' });
    expect(updated).toMatchObject({ id: created.id, _guid: created._guid, emailVerified: false, firstName: 'Arya', updatedBy: '__system' });
    await expect(loginToken(t, 'arya', 'Needle-1234')).rejects.toThrow(/401/);
    await expect(loginToken(t, 'arya', 'Needle-5678')).resolves.toEqual(expect.any(String));
  });

  it("keeps the user's sessions when a sync sends the password the user already has (a nightly full sync), ends them for a new one", async () => {
    await syncUser(t, { email: 'nightly@example.test', password: 'Nightly-pass-1', firstName: 'Night' });
    const session = await signIn(t, 'nightly@example.test', 'Nightly-pass-1');

    await syncUser(t, { email: 'nightly@example.test', password: 'Nightly-pass-1', firstName: 'Nightly' });
    const kept = await me(t, session.accessToken);
    const refreshed = await refresh(t, session.refreshToken);
    await syncUser(t, { email: 'nightly@example.test', password: 'Nightly-pass-2' });

    expect([kept.status, kept.body.firstName]).toEqual([200, 'Nightly']);
    expect(refreshed.status).toBe(200);
    expect((await me(t, refreshed.body.accessToken)).status).toBe(401);
    expect((await refresh(t, refreshed.body.refreshToken)).status).toBe(401);
    await expect(loginToken(t, 'nightly@example.test', 'Nightly-pass-2')).resolves.toEqual(expect.any(String));
  });

  it('matches by username when no e-mail is sent', async () => {
    const created = await syncUser(t, { username: 'sansa', email: 'sansa@example.test' });
    const updated = await syncUser(t, { username: 'sansa', lastName: 'Stark' });
    expect(updated).toMatchObject({ id: created.id, email: 'sansa@example.test', lastName: 'Stark' });
  });

  it('answers 409 when the username belongs to a user with another e-mail, and changes nothing', async () => {
    await syncUser(t, { username: 'bran', email: 'bran@example.test' });
    const res = await put({ username: 'bran', email: 'not-bran@example.test', password: 'Raven-12345' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('username_taken');
    expect(await countUsers('not-bran@example.test')).toBe(0);
  });

  it.each([
    [{ username: 'cersei.lannister', email: "cersei-lannister@gmail.com'", password: 'C3rs3i#L4nnist3r', emailVerified: true }, 'email'],
    [{ email: 'x@example.test', password: 'short' }, 'password'],
    [{ email: 'x@example.test', password: 'ä'.repeat(37) }, 'password'],
    [{ email: 'x@example.test', isAdmin: true }, 'isAdmin'],
    [{ email: 'x@example.test', emailVerified: 'yes' }, 'emailVerified'],
    [{ email: 'x@example.test', username: 'has@sign' }, 'username'],
    [{ email: 'x@example.test', birthday: '1990-13-45' }, 'birthday'],
    [{ password: 'Needle-1234' }, 'email'],
  ])('answers 400 naming the field for %j, writing nothing', async (body, field) => {
    expect400Naming(await put(body), field);
    expect(await countUsers('x@example.test')).toBe(0);
  });

  it('answers 400 when creating a user with only a username', async () => {
    const res = await put({ username: 'nobody.yet' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('answers PUT /api/users/ as the sync document spells it (trailing slash) like PUT /api/users', async () => {
    const res = await t.http().put('/api/users/').set('x-user-ctx', JSON.stringify({ id: '__system', user: '__system' })).send({ email: 'slash@example.test' });
    expect([res.status, res.body.email, res.body.createdBy]).toEqual([200, 'slash@example.test', '__system']);
  });

  it('accepts the seed header as plain JSON too (the document forgets to base64-encode it)', async () => {
    const res = await t.http().put('/api/users').set('x-user-ctx', JSON.stringify({ id: '__system', user: '__system' })).send({ email: 'plain@example.test' });
    expect(res.status).toBe(200);
    expect(res.body.createdBy).toBe('__system');
  });

  it.each(['not base64 json', Buffer.from('{"user":"x"}').toString('base64'), Buffer.from('[1]').toString('base64')])(
    'answers 400 for a malformed x-user-ctx %p',
    async (header) => {
      const res = await t.http().put('/api/users').set('x-user-ctx', header).send({ email: 'malformed@example.test' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'x-user-ctx' })]);
    },
  );

  it('answers 401 with neither header nor token', async () => {
    const res = await t.http().put('/api/users').send({ email: 'anon@example.test' });
    expect(res.status).toBe(401);
  });

  it('accepts an admin Bearer token and records the admin as creator', async () => {
    const own = await me(t, admin);
    const res = await t.http().put('/api/users').set('authorization', bearer(admin)).send({ email: 'by-admin@example.test' });
    expect(res.status).toBe(200);
    expect(res.body.createdBy).toBe(own.body.id);
  });

  it('refuses a non-admin Bearer token with 403', async () => {
    await syncUser(t, { email: 'plain-user@example.test', password: 'Plain-user-1' });
    const token = await loginToken(t, 'plain-user@example.test', 'Plain-user-1');
    const res = await t.http().put('/api/users').set('authorization', bearer(token)).send({ email: 'nope@example.test' });
    expect(res.status).toBe(403);
    expect(await countUsers('nope@example.test')).toBe(0);
  });

  it('gives one user and twenty 200s for 20 simultaneous syncs of one new identity', async () => {
    const body = { username: 'hodor', email: 'hodor@example.test', password: 'Hold-the-door', emailVerified: true };
    const results = await Promise.all(Array.from({ length: 20 }, () => put(body)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countUsers('hodor@example.test')).toBe(1);
  });

  it('GET /api/users/me returns the caller, and 401 without a valid token', async () => {
    await syncUser(t, { email: 'me@example.test', password: 'Its-me-1234' });
    const token = await loginToken(t, 'me@example.test', 'Its-me-1234');
    const own = await me(t, token);
    expect(own.status).toBe(200);
    expect(own.body.email).toBe('me@example.test');
    expect(own.body).not.toHaveProperty('password');
    const bad = await me(t, `${token.slice(0, -4)}AAAA`);
    expect(bad.status).toBe(401);
  });
});
