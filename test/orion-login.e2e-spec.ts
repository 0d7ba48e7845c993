import { jwtVerify } from 'jose';
import { describeEachDatabase } from './support/databases';
import { withoutRequestId } from './support/expectations';
import { me, passwordSignIn } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { serviceKey } from './support/tokens';
import { syncUser } from './support/users';

/** The seed's curl: --data-urlencode 'email=orion@services.dev' --data-urlencode 'password=12345678'. */
const SEED_FORM = new URLSearchParams({ email: 'orion@services.dev', password: '12345678' }).toString();

describeEachDatabase('Orion POST /users/login', (kind) => {
  const form = (body: string) =>
    t.http().post('/users/login').set('Content-Type', 'application/x-www-form-urlencoded').set('Accept', '*/*').send(body);

  const t = useTestApp(kind);
  beforeAll(async () => {
    await syncUser(t, { email: 'orion@services.dev', password: '12345678', name: 'Orion' });
  });

  it("answers the seed's own form request with exactly the seed's shape, without secret2FA or password", async () => {
    const res = await form(SEED_FORM);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(res.body).sort()).toEqual(['token', 'user']);
    expect(Object.keys(res.body.user).sort()).toEqual(['email', 'emailValid', 'hash', 'name', 'using2FA']);
    expect(res.body.user).toEqual({ hash: expect.stringMatching(/^user_/), name: 'Orion', email: 'orion@services.dev', emailValid: false, using2FA: false });
    expect(JSON.stringify(res.body)).not.toMatch(/secret2FA|password|\$2[aby]\$/i);
  });

  it("gives the seed's token claims, signed RS256 by this service, with the user's _guid as hash and c_hash", async () => {
    const res = await form(SEED_FORM);
    const { publicKey } = await serviceKey();

    const { payload, protectedHeader } = await jwtVerify(res.body.token as string, publicKey, { algorithms: ['RS256'] });

    expect(protectedHeader.alg).toBe('RS256');
    for (const claim of ['iss', 'upn', 'groups', 'c_hash', 'email', 'iat', 'exp', 'jti', 'sub']) expect(payload).toHaveProperty(claim);
    expect(payload).toMatchObject({ iss: 'gatehouse', aud: 'gatehouse', upn: 'orion@services.dev', email: 'orion@services.dev', groups: ['user'] });
    expect(payload.c_hash).toBe(res.body.user.hash);
    const own = await me(t, res.body.token);
    expect(own.status).toBe(200);
    expect(own.body._guid).toBe(res.body.user.hash);
    expect(payload.sub).toBe(own.body.id);
  });

  it('accepts JSON too, with the same answer', async () => {
    const res = await t.http().post('/users/login').send({ email: 'ORION@services.dev', password: '12345678' });

    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('orion@services.dev');
  });

  it('answers unknown user and wrong password with one identical 401 body', async () => {
    const unknown = await form('email=nobody%40services.dev&password=12345678');
    const wrong = await form('email=orion%40services.dev&password=87654321');

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
  });

  it.each([
    ['password=12345678', ['email']],
    ['email=orion%40services.dev', ['password']],
    ['', ['email', 'password']],
    ['email=not-an-email&password=x', ['email']],
    ['email=orion%40services.dev&password=', ['password']],
    ['email=a%40services.dev&email=b%40services.dev&password=x', ['email']],
  ])('answers 400 naming what is missing or wrong for the form %j', async (body, fields) => {
    const res = await form(body);

    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(fields);
  });

  it('answers 400 for a JSON body that is not an object, and for a password that is not a string', async () => {
    const array = await t.http().post('/users/login').set('Content-Type', 'application/json').send('["orion@services.dev"]');
    const numeric = await t.http().post('/users/login').send({ email: 'orion@services.dev', password: 12345678 });

    expect(array.status).toBe(400);
    expect(numeric.status).toBe(400);
    expect(numeric.body.fields).toEqual([{ field: 'password', reason: 'must be a string' }]);
  });

  it('refuses unknown fields (no client credentials on this route)', async () => {
    const res = await t.http().post('/users/login').send({ email: 'orion@services.dev', password: '12345678', clientId: 'client-app-id' });

    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'clientId' })]);
  });

  it('answers 400 naming body, email and password for text/plain and for no body at all', async () => {
    const text = await t.http().post('/users/login').set('Content-Type', 'text/plain').send('email=orion@services.dev&password=12345678');
    const none = await t.http().post('/users/login');

    for (const res of [text, none]) {
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['body', 'email', 'password']);
    }
  });

  it('answers 415 (not 500) for multipart/form-data', async () => {
    const res = await t.http().post('/users/login').field('email', 'orion@services.dev').field('password', '12345678');

    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('refuses a user without a password with the usual 401, here and on /api/auth/login', async () => {
    await syncUser(t, { email: 'nopassword@services.dev' });

    const orion = await form('email=nopassword%40services.dev&password=anything');
    const api = await passwordSignIn(t, 'nopassword@services.dev', 'anything');
    const unknown = await form('email=nobody%40services.dev&password=anything');

    expect(orion.status).toBe(401);
    expect(withoutRequestId(orion.body)).toEqual(withoutRequestId(unknown.body));
    expect(api.status).toBe(401);
    expect(api.body.code).toBe('invalid_credentials');
  });

  it('refuses inactive (401), locked (423) and deleted (401) users as /api/auth/login does', async () => {
    await syncUser(t, { email: 'off@services.dev', password: 'Off-pass1', isActive: false });
    await syncUser(t, { email: 'locked@services.dev', password: 'Locked-pass1' });
    await syncUser(t, { email: 'gone@services.dev', password: 'Gone-pass1' });
    await sql(t, `UPDATE users SET "isLocked" = true WHERE email = 'locked@services.dev'`);
    await sql(t, `UPDATE users SET "deletedAt" = CURRENT_TIMESTAMP WHERE email = 'gone@services.dev'`);

    const off = await form('email=off%40services.dev&password=Off-pass1');
    const locked = await form('email=locked%40services.dev&password=Locked-pass1');
    const gone = await form('email=gone%40services.dev&password=Gone-pass1');

    expect([off.status, off.body.code]).toEqual([401, 'account_disabled']);
    expect([locked.status, locked.body.code]).toEqual([423, 'account_locked']);
    expect([gone.status, gone.body.code]).toEqual([401, 'invalid_credentials']);
  });

  it('names the user by first and last name, else by the e-mail local part', async () => {
    await syncUser(t, { email: 'named@services.dev', password: 'Named-pass1', firstName: 'Ana', lastName: 'Lima' });
    await syncUser(t, { email: 'anon@services.dev', password: 'Anon-pass1', emailVerified: true });

    const named = await form('email=named%40services.dev&password=Named-pass1');
    const anon = await form('email=anon%40services.dev&password=Anon-pass1');

    expect(named.body.user.name).toBe('Ana Lima');
    expect(anon.body.user).toMatchObject({ name: 'anon', emailValid: true });
  });
});
