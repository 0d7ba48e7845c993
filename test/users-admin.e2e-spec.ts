import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { eventually } from './support/poll';
import { SYSTEM_CTX } from './support/seed';
import { bearer, me, passwordSignIn, refresh, Session, signIn } from './support/sessions';
import { TestApp, useTestApp } from './support/test-app';
import { adminToken, newSignedInUser, newUser, putUser, syncUser } from './support/users';

const PASSWORD = 'Target-pw-1';

describeEachDatabase('admin user API', (kind) => {
  let admin: string;
  let plain: string;

  /** A fresh user (via sync) for each test that changes one. */
  const target = () => newUser(t, { prefix: 'target', password: PASSWORD });

  async function expectSessionEnded(s: Session): Promise<void> {
    expect((await me(t, s.accessToken)).status).toBe(401);
    expect((await refresh(t, s.refreshToken)).status).toBe(401);
  }

  const t = useTestApp(kind, { REFRESH_REUSE_INTERVAL: '0' });
  beforeAll(async () => {
    admin = await adminToken(t);
    await syncUser(t, { email: 'plain@example.test', password: 'Plain-pw-1' });
    plain = (await signIn(t, 'plain@example.test', 'Plain-pw-1')).accessToken;
  });

  describe.each([
    ['GET /api/users', 'get', () => '/api/users', undefined, 200],
    ['GET /api/users/:id', 'get', (id: string) => `/api/users/${id}`, undefined, 200],
    ['PATCH /api/users/:id', 'patch', (id: string) => `/api/users/${id}`, { firstName: 'Changed' }, 200],
    ['DELETE /api/users/:id', 'delete', (id: string) => `/api/users/${id}`, undefined, 204],
    ['POST /api/users/:id/lock', 'post', (id: string) => `/api/users/${id}/lock`, undefined, 200],
    ['POST /api/users/:id/unlock', 'post', (id: string) => `/api/users/${id}/unlock`, undefined, 200],
    ['POST /api/users/:id/password', 'post', (id: string) => `/api/users/${id}/password`, { password: 'Set-by-admin-1' }, 204],
  ] as const)('%s', (_name, method, path, body, okStatus) => {
    const call = async (auth: (r: ReturnType<ReturnType<TestApp['http']>['get']>) => unknown) => {
      const { id } = await target();
      const req = t.http()[method](path(id));
      auth(req);
      return body ? req.send(body) : req;
    };

    it('works for an admin', async () => {
      expect((await call((r) => r.set('authorization', bearer(admin)))).status).toBe(okStatus);
    });
    it('works for the system context from a trusted network', async () => {
      expect((await call((r) => r.set('x-user-ctx', SYSTEM_CTX))).status).toBe(okStatus);
    });
    it('refuses a non-admin with 403', async () => {
      const res = await call((r) => r.set('authorization', bearer(plain)));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    });
    it('refuses an anonymous caller with 401', async () => {
      expect((await call(() => undefined)).status).toBe(401);
    });
  });

  const asAdmin = {
    get: (path: string) => t.http().get(path).set('authorization', bearer(admin)),
    patch: (path: string, body: object) => t.http().patch(path).set('authorization', bearer(admin)).send(body),
    post: (path: string, body?: object) => t.http().post(path).set('authorization', bearer(admin)).send(body ?? {}),
    delete: (path: string) => t.http().delete(path).set('authorization', bearer(admin)),
  };

  it('lists users a page at a time with the total, in a stable order', async () => {
    for (let i = 0; i < 5; i++) await syncUser(t, { email: `pager${i}@paging.test` });
    const pages = await Promise.all([1, 2, 3].map((page) => asAdmin.get(`/api/users?email=paging.test&limit=2&page=${page}`)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.body.items.length)).toEqual([2, 2, 1]);
    const emails = pages.flatMap((p) => p.body.items.map((u: { email: string }) => u.email));
    expect(new Set(emails).size).toBe(5);
    expect(JSON.stringify(pages.map((p) => p.body))).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('filters by e-mail and username (case-insensitive parts, wildcards literal), active and locked', async () => {
    await syncUser(t, { email: 'filter.one@filters.test', username: 'filter_one', isActive: false });
    const two = await syncUser(t, { email: 'filter.two@filters.test', username: 'filterxtwo' });
    await asAdmin.post(`/api/users/${two.id as string}/lock`);
    expect((await asAdmin.get('/api/users?email=FILTERS.TEST')).body.total).toBe(2);
    expect((await asAdmin.get('/api/users?username=filter_')).body.items.map((u: { username: string }) => u.username)).toEqual(['filter_one']);
    expect((await asAdmin.get('/api/users?email=%25')).body.total).toBe(0);
    const inactive = await asAdmin.get('/api/users?email=filters.test&active=false');
    expect(inactive.body.items.map((u: { email: string }) => u.email)).toEqual(['filter.one@filters.test']);
    const locked = await asAdmin.get('/api/users?email=filters.test&locked=true');
    expect(locked.body.items.map((u: { email: string }) => u.email)).toEqual(['filter.two@filters.test']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['page=x', 'page'],
    ['active=maybe', 'active'],
    ['deleted=all', 'deleted'],
    ['unknown=1', 'unknown'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    expect400Naming(await asAdmin.get(`/api/users?${query}`), field);
  });

  it('answers 404 for an unknown id and 400 for a malformed one; /me is not taken for an id', async () => {
    expect((await asAdmin.get('/api/users/1234567890123456789')).status).toBe(404);
    expect((await asAdmin.patch('/api/users/1234567890123456789', { firstName: 'X' })).status).toBe(404);
    expect((await asAdmin.post('/api/users/1234567890123456789/lock')).status).toBe(404);
    const malformed = await asAdmin.get('/api/users/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual([expect.objectContaining({ field: 'id' })]);
    const mine = await asAdmin.get('/api/users/me');
    expect(mine.status).toBe(200);
    expect(mine.body.email).toBe('admin@example.test');
    expect((await me(t, plain)).status).toBe(200);
  });

  it('patches profile, roles and isActive; refuses unknown fields', async () => {
    const u = await target();
    const res = await asAdmin.patch(`/api/users/${u.id}`, { firstName: 'Sansa', roles: ['editor'], isActive: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Sansa', roles: ['editor'], isActive: true });
    expect(res.body.updatedBy).toEqual((await asAdmin.get('/api/users/me')).body.id);
    const bad = await asAdmin.patch(`/api/users/${u.id}`, { email: 'other@example.test' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('soft-deletes: sign-in then fails with the usual 401, sessions end, the user is hidden unless asked for', async () => {
    const u = await target();
    const s = await signIn(t, u.email, PASSWORD);
    expect((await asAdmin.delete(`/api/users/${u.id}`)).status).toBe(204);
    const login = await passwordSignIn(t, u.email, PASSWORD);
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('invalid_credentials');
    await expectSessionEnded(s);
    const shown = await asAdmin.get(`/api/users/${u.id}`);
    expect(shown.body.deletedAt).toEqual(expect.any(String));
    expect(shown.body.deletedBy).toEqual((await asAdmin.get('/api/users/me')).body.id);
    expect((await asAdmin.get(`/api/users?email=${u.email}`)).body.total).toBe(0);
    expect((await asAdmin.get(`/api/users?email=${u.email}&deleted=include`)).body.total).toBe(1);
    expect((await asAdmin.get(`/api/users?email=${u.email}&deleted=only`)).body.total).toBe(1);
    expect((await asAdmin.delete(`/api/users/${u.id}`)).status).toBe(404);
    expect((await asAdmin.patch(`/api/users/${u.id}`, { firstName: 'Ghost' })).status).toBe(404);
  });

  it('locks (423 at sign-in, sessions end) and unlocks', async () => {
    const u = await target();
    const s = await signIn(t, u.email, PASSWORD);
    const locked = await asAdmin.post(`/api/users/${u.id}/lock`);
    expect(locked.body).toMatchObject({ isLocked: true, lockedAt: expect.any(String) });
    expect((await passwordSignIn(t, u.email, PASSWORD)).status).toBe(423);
    await expectSessionEnded(s);
    const unlocked = await asAdmin.post(`/api/users/${u.id}/unlock`);
    expect(unlocked.body).toMatchObject({ isLocked: false, lockedAt: null });
    expect((await passwordSignIn(t, u.email, PASSWORD)).status).toBe(200);
  });

  it('sets a password: the old one and the old sessions stop working', async () => {
    const u = await target();
    const s = await signIn(t, u.email, PASSWORD);
    expect((await asAdmin.post(`/api/users/${u.id}/password`, { password: 'Admin-chosen-1' })).status).toBe(204);
    await expectSessionEnded(s);
    expect((await passwordSignIn(t, u.email, PASSWORD)).status).toBe(401);
    expect((await passwordSignIn(t, u.email, 'Admin-chosen-1')).status).toBe(200);
    const short = await asAdmin.post(`/api/users/${u.id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('disabling a user through PATCH ends their sessions', async () => {
    const u = await target();
    const s = await signIn(t, u.email, PASSWORD);
    expect((await asAdmin.patch(`/api/users/${u.id}`, { isActive: false })).status).toBe(200);
    await expectSessionEnded(s);
  });

  it('a sync that sets a new password ends the sessions; a sync without one does not', async () => {
    const u = await target();
    const s = await signIn(t, u.email, PASSWORD);
    await syncUser(t, { email: u.email, firstName: 'Renamed' });
    expect((await me(t, s.accessToken)).status).toBe(200);
    await syncUser(t, { email: u.email, password: 'Synced-new-pw-1' });
    await expectSessionEnded(s);
    expect((await passwordSignIn(t, u.email, 'Synced-new-pw-1')).status).toBe(200);
  });

  it('a sync of a soft-deleted user is a 409, unless it says "restore": true', async () => {
    const u = await target();
    await asAdmin.delete(`/api/users/${u.id}`);
    const refused = await putUser(t, { email: u.email, firstName: 'Back' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('user_deleted');
    expect(refused.body.message).toMatch(/restore/);
    const restored = await putUser(t, { email: u.email, firstName: 'Back', restore: true });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: u.id, firstName: 'Back', deletedAt: null, deletedBy: null });
    expect((await passwordSignIn(t, u.email, PASSWORD)).status).toBe(200);
  });
});

describeEachDatabase('admin lock with a tiny LOCKOUT_DURATION', (kind) => {
  // LOCKOUT_DURATION bounds only the automatic lock after LOCKOUT_THRESHOLD failed passwords; an admin's has no end.
  // Long enough for the two requests that must see the automatic lock; its end is then polled for.
  const t = useTestApp(kind, { LOCKOUT_DURATION: '500ms', LOCKOUT_THRESHOLD: '2' });
  let admin: string;
  const login = (email: string, password: string) => passwordSignIn(t, email, password);
  const asAdmin = (path: string) => t.http().post(path).set('authorization', bearer(admin));
  async function user(): Promise<{ id: string; email: string }> {
    const held = await newUser(t, { prefix: 'held', password: PASSWORD });
    expect((await login(held.email, PASSWORD)).status).toBe(200);
    return held;
  }

  beforeAll(async () => {
    admin = await adminToken(t);
  });

  it('POST /api/users/:id/lock: 423 even with the right password, still after LOCKOUT_DURATION; unlock lets the user in', async () => {
    const held = await user();
    const locked = await asAdmin(`/api/users/${held.id}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ isLocked: true, lockedAt: expect.any(String) });
    const refused = await login(held.email, PASSWORD);
    expect(refused.status).toBe(423);
    expect(refused.body.code).toBe('account_locked');

    // The control: an automatic lock taken at the same time, which must run out after LOCKOUT_DURATION.
    const failing = await user();
    for (let i = 0; i < 2; i++) expect((await login(failing.email, `${PASSWORD}-wrong`)).status).toBe(401);
    expect((await login(failing.email, PASSWORD)).status).toBe(423);

    // The right password while locked answers 423 and changes nothing, so it can be tried until the lock runs out.
    const expired = await eventually(() => login(failing.email, PASSWORD), (res) => res.status !== 423);
    expect(expired.status).toBe(200);
    const later = await login(held.email, PASSWORD);
    expect(later.status).toBe(423);
    expect(later.body.code).toBe('account_locked');

    const unlocked = await asAdmin(`/api/users/${held.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ isLocked: false, lockedAt: null });
    expect((await login(held.email, PASSWORD)).status).toBe(200);
  });
});

describeEachDatabase('own account (/api/users/me)', (kind) => {
  const t = useTestApp(kind);

  async function user(): Promise<{ email: string; s: Session }> {
    const { email, session } = await newSignedInUser(t, { prefix: 'self', password: PASSWORD, fields: { roles: ['user'] } });
    return { email, s: session };
  }

  it('edits the own profile', async () => {
    const { s } = await user();
    const res = await t.http().patch('/api/users/me').set('authorization', bearer(s.accessToken)).send({ firstName: 'Tyrion', locale: 'en-GB' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Tyrion', locale: 'en-GB', roles: ['user'] });
    expect((await me(t, s.accessToken)).body.firstName).toBe('Tyrion');
  });

  it.each([
    [{ roles: ['admin'] }, 'roles'],
    [{ isActive: false }, 'isActive'],
    [{ email: 'x@example.test' }, 'email'],
    [{ locale: 'not a locale!' }, 'locale'],
  ])('refuses %j with 400 naming the field, changing nothing', async (body, field) => {
    const { s } = await user();
    expect400Naming(await t.http().patch('/api/users/me').set('authorization', bearer(s.accessToken)).send(body), field);
    expect((await me(t, s.accessToken)).body.roles).toEqual(['user']);
  });

  it('needs a token', async () => {
    expect((await t.http().patch('/api/users/me').send({ firstName: 'X' })).status).toBe(401);
    expect((await t.http().post('/api/users/me/password').send({ currentPassword: 'a', newPassword: 'Bbbbbbbb-1' })).status).toBe(401);
  });

  it('changes the password with the current one; a wrong current password is 403 invalid_current_password', async () => {
    const { email, s } = await user();
    const wrong = await t.http().post('/api/users/me/password').set('authorization', bearer(s.accessToken))
      .send({ currentPassword: 'Not-the-pw-1', newPassword: 'Brand-new-pw-1' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('invalid_current_password');
    expect((await me(t, s.accessToken)).status).toBe(200);
    const weak = await t.http().post('/api/users/me/password').set('authorization', bearer(s.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const ok = await t.http().post('/api/users/me/password').set('authorization', bearer(s.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'Brand-new-pw-1' });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/Brand-new-pw-1|passwordHash/);
    expect((await me(t, ok.body.accessToken)).status).toBe(200);
    expect((await me(t, s.accessToken)).status).toBe(401);
    expect((await refresh(t, s.refreshToken)).status).toBe(401);
    expect((await passwordSignIn(t, email, 'Brand-new-pw-1')).status).toBe(200);
  });
});
