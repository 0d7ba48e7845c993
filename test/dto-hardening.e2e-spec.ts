import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { CLIENT, passwordLogin, refreshBody } from './support/seed';
import { bearer, Session, signIn } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { adminToken, newUser as newTestUser, putUser, syncUser } from './support/users';

const PASSWORD = 'Hardened-pw-1';
/** Matches the BCP 47 pattern but is 38 characters: longer than the varchar(35) locale column. */
const LONG_LOCALE = `en${'-abcdefgh'.repeat(4)}`;

/**
 * Client input that used to reach the database or a service unchecked (a 500, or a 401 for a malformed body):
 * each must be a 400 naming the field, with nothing written.
 */
describeEachDatabase('input validation hardening', (kind) => {
  let admin: string;

  const put = (body: object) => putUser(t, body);
  const userRow = async (id: string) => (await sql(t, `SELECT * FROM users WHERE id = '${id}'`))[0];
  const sessionRows = (userId: string) => sql(t, `SELECT * FROM refresh_tokens WHERE "userId" = '${userId}' ORDER BY id`);

  const newUser = () => newTestUser(t, { prefix: 'hard', password: PASSWORD });

  const t = useTestApp(kind);
  beforeAll(async () => {
    admin = await adminToken(t);
  });

  describe('POST /api/auth/login: the with… objects must be objects', () => {
    let user: { id: string; email: string };
    let session: Session;

    beforeAll(async () => {
      user = await newUser();
      session = await signIn(t, user.email, PASSWORD);
    });

    it.each([
      ['refresh_token', 'withRefreshToken', []],
      ['refresh_token', 'withRefreshToken', 'a-string'],
      ['password', 'withPassword', []],
      ['google', 'withGoogle', []],
    ])('type %s with %s = %j is a 400 naming it, and no session changes', async (type, field, value) => {
      const before = await sessionRows(user.id);
      const res = await t.http().post('/api/auth/login').send({ type, ...CLIENT, [field]: value });
      expect400Naming(res, field);
      expect(await sessionRows(user.id)).toEqual(before);
    });

    it('refuses a valid refresh token wrapped in an array (400) and does not rotate it', async () => {
      const before = await sessionRows(user.id);
      const res = await t.http().post('/api/auth/login').send({ ...refreshBody(session.refreshToken), withRefreshToken: [{ refreshToken: session.refreshToken }] });
      expect400Naming(res, 'withRefreshToken');
      expect(await sessionRows(user.id)).toEqual(before);
    });

    it('refuses password credentials wrapped in an array (400, not 401)', async () => {
      const body = { ...passwordLogin(user.email, PASSWORD), withPassword: [{ emailOrUsername: user.email, password: PASSWORD }] };
      expect400Naming(await t.http().post('/api/auth/login').send(body), 'withPassword');
    });
  });

  describe('PUT /api/users: null is not a value for fields that must have one', () => {
    it.each(['email', 'password', 'emailVerified', 'isActive', 'restore', 'username'])(
      '%s: null on an existing user is a 400 naming it, the row unchanged',
      async (field) => {
        const user = await newUser();
        const before = await userRow(user.id);
        // Identify the user by the other key when the one being nulled is a key.
        const body = field === 'email' ? { username: user.username, email: null } : { email: user.email, [field]: null };
        expect400Naming(await put(body), field);
        expect(await userRow(user.id)).toEqual(before);
      },
    );

    it.each(['isActive', 'password', 'emailVerified'])('%s: null when creating is a 400 and creates no user', async (field) => {
      const email = `never-${field}@example.test`;
      expect400Naming(await put({ email, [field]: null }), field);
      expect(await sql(t, `SELECT id FROM users WHERE email = '${email}'`)).toEqual([]);
    });

    it('still accepts null on nullable profile fields (clears them) and on roles', async () => {
      const user = await newUser();
      await syncUser(t, { email: user.email, firstName: 'Jaime', roles: ['user'] });
      const cleared = await syncUser(t, { email: user.email, firstName: null, roles: null });
      expect(cleared).toMatchObject({ id: user.id, firstName: null });
      expect(await userRow(user.id)).toMatchObject({ firstName: null, roles: null });
    });

    it('refuses a locale longer than its column (35) with a 400, the row unchanged', async () => {
      const user = await newUser();
      const before = await userRow(user.id);
      expect400Naming(await put({ email: user.email, locale: LONG_LOCALE }), 'locale');
      expect(await userRow(user.id)).toEqual(before);
    });
  });

  describe('PATCH /api/users/:id (admin) and PATCH /api/users/me', () => {
    const patchAsAdmin = (id: string, body: object) => t.http().patch(`/api/users/${id}`).set('authorization', bearer(admin)).send(body);

    it.each([
      [{ isActive: null }, 'isActive'],
      [{ locale: LONG_LOCALE }, 'locale'],
    ])('admin PATCH %j is a 400 naming the field, the row unchanged', async (body, field) => {
      const user = await newUser();
      const before = await userRow(user.id);
      expect400Naming(await patchAsAdmin(user.id, body), field);
      expect(await userRow(user.id)).toEqual(before);
    });

    it('PATCH /api/users/me with a too-long locale is a 400, the row unchanged', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(t, user.email, PASSWORD);
      const before = await userRow(user.id);
      const res = await t.http().patch('/api/users/me').set('authorization', bearer(accessToken)).send({ locale: LONG_LOCALE });
      expect400Naming(res, 'locale');
      expect(await userRow(user.id)).toEqual(before);
    });
  });

  describe('GET /api/users with both e-mail and username filters', () => {
    it('applies each filter with its own value', async () => {
      await syncUser(t, { email: 'alice.combo@example.test', username: 'bob.combo' });
      await syncUser(t, { email: 'bob.combo@example.test', username: 'alice.combo' });
      await syncUser(t, { email: 'alice.other@example.test', username: 'carol.combo' });
      const res = await t.http().get('/api/users?email=alice.combo&username=bob.combo').set('authorization', bearer(admin));
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { email: string }) => u.email)).toEqual(['alice.combo@example.test']);
      expect(res.body.total).toBe(1);
    });
  });
});
