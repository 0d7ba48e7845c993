import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { inject } from './support/inject';
import { passwordLogin, SYSTEM_CTX } from './support/seed';
import { bearer, passwordSignIn, signIn } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { adminToken, newUser, putUser } from './support/users';

/** `{"a":{"a":…1…}}`: `levels` nested objects. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Every log line of this file's apps, parsed (pino: 50 is error, 60 fatal). */
const logged: { level: number; msg: string }[] = [];
const logDestination = { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }) };

/** Findings 5 and 6 of the account-protection issue: bodies that used to be a 500, now a 400 naming the field. */
describeEachDatabase('input hardening', (kind) => {
  let admin: string;
  const t = useTestApp(kind, {}, { app: { logger: undefined, logDestination } });
  const userRow = async (id: string) => (await sql(t, `SELECT * FROM users WHERE id = '${id}'`))[0];
  beforeAll(async () => {
    admin = await adminToken(t);
  });

  describe('finding 5: JSON nested deeper than 400 levels', () => {
    const post = (url: string, payload: string) => inject(t, { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

    it.each(['/api/auth/login', '/users/login', '/users/login/google', '/api/auth/logout'])(
      'is a 400 naming the body on the public route %s, with no error logged',
      async (url) => {
        const errorsBefore = logged.filter((l) => l.level >= 50).length;
        const res = await post(url, `{"type":"password","clientId":"x","withPassword":${nested(5000)}}`);

        expect(res.statusCode).toBe(400);
        expect(res.json().fields).toEqual([{ field: 'body', reason: 'must not nest arrays or objects deeper than 400 levels' }]);
        expect(logged.filter((l) => l.level >= 50).length).toBe(errorsBefore);
      },
    );

    it('reaches the DTO rules at exactly 400 levels (the body itself is level 1), and is refused at 401', async () => {
      const atLimit = await post('/api/auth/logout', `{"refreshToken":"r","x":${nested(399)}}`);
      const overLimit = await post('/api/auth/logout', `{"refreshToken":"r","x":${nested(400)}}`);

      expect400Naming({ status: atLimit.statusCode, body: atLimit.json() }, 'x');
      expect(overLimit.json().fields).toEqual([{ field: 'body', reason: 'must not nest arrays or objects deeper than 400 levels' }]);
    });

    it('counts brackets inside strings as text, not nesting', async () => {
      const res = await post('/api/auth/logout', JSON.stringify({ refreshToken: 'r', x: '['.repeat(1000) + '{"\\"'.repeat(500) }));
      expect400Naming({ status: res.statusCode, body: res.json() }, 'x');
      expect(res.json().fields).not.toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body' })]));
    });
  });

  describe('finding 6: control characters in any text field', () => {
    const CONTROLS = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u009b'];
    const labelled = CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`, c]);

    it.each(labelled)('%s in emailOrUsername or password at sign-in is a 400 naming the field', async (_label, c) => {
      expect400Naming(await t.http().post('/api/auth/login').send(passwordLogin(`a${c}b@example.test`, 'Whatever-pw-1')), 'withPassword.emailOrUsername');
      expect400Naming(await t.http().post('/api/auth/login').send(passwordLogin('a@example.test', `pass${c}word`)), 'withPassword.password');
      expect400Naming(await t.http().post('/users/login').send({ email: `a${c}b@example.test`, password: 'Whatever-pw-1' }), 'email');
      expect400Naming(await t.http().post('/users/login').type('form').send(`email=a%40b.test&password=x${encodeURIComponent(c)}y`), 'password');
    });

    it.each(labelled)('%s in a profile field is a 400 naming it, on sync, own and admin updates, the row unchanged', async (_label, c) => {
      const user = await newUser(t, { prefix: 'ctl' });
      const { accessToken } = await signIn(t, user.email, user.password);
      const before = await userRow(user.id);

      expect400Naming(await putUser(t, { email: user.email, name: `Ada${c}` }), 'name');
      expect400Naming(await putUser(t, { email: `new${c}@example.test` }), 'email');
      expect400Naming(await t.http().patch('/api/users/me').set('authorization', bearer(accessToken)).send({ firstName: `A${c}` }), 'firstName');
      expect400Naming(await t.http().patch(`/api/users/${user.id}`).set('authorization', bearer(admin)).send({ roles: ['user', `x${c}`] }), 'roles.1');
      expect(await userRow(user.id)).toEqual(before);
    });

    it('in an admin filter is a 400 naming it', async () => {
      const res = await t.http().get('/api/users').query({ email: 'a\u0000b' }).set('authorization', bearer(admin));
      expect400Naming(res, 'email');
      expect400Naming(await t.http().get('/api/users').query({ username: 'x\u001by' }).set('x-user-ctx', SYSTEM_CTX), 'username');
    });

    it('names a control character in a key, and refuses an unpaired surrogate as not text', async () => {
      expect400Naming(await putUser(t, { email: 'k@example.test', 'na\u0000me': 'x' }), 'na\u0000me');
      const lone = await inject(t, { method: 'PUT', url: '/api/users', headers: { 'content-type': 'application/json', 'x-user-ctx': SYSTEM_CTX }, payload: '{"email":"s@example.test","name":"\\ud800x"}' });
      expect(lone.statusCode).toBe(400);
      expect(lone.json().fields).toEqual([{ field: 'name', reason: 'must be valid Unicode text' }]);
    });

    it('still accepts text outside ASCII: accents, emoji, and other scripts', async () => {
      const res = await putUser(t, { email: 'unicode@example.test', name: 'Zoë 😀 Ελένη 李', firstName: 'Zoë' });
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Zoë 😀 Ελένη 李');
      expect((await passwordSignIn(t, 'nobody@example.test', 'pässwörd-😀-1')).status).toBe(401);
    });
  });
});
