import * as bcryptjs from 'bcryptjs';
import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { importLines } from './support/import';
import { argon2Hash, Argon2Type, DJANGO, OUT_OF_BOUNDS, PASSLIB, pbkdf2Hash, scryptHash } from './support/imported-hashes';
import { eventually } from './support/poll';
import { me, passwordSignIn, signIn } from './support/sessions';
import { count, sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { PasswordProfiles } from '../src/users/password-profiles/password-profiles.service';
import { putUser, syncUser } from './support/users';

const PASSWORD = 'Imp0rted-passw0rd';

/** Each format, made by a library other than the one Gatehouse verifies with (see test/support/imported-hashes.ts). */
const FORMATS: { label: string; password: string; make: () => Promise<string> }[] = [
  ...(['argon2id', 'argon2i', 'argon2d'] as Argon2Type[]).map((type) => ({ label: `${type} (node-argon2)`, password: PASSWORD, make: () => argon2Hash(PASSWORD, type) })),
  { label: 'scrypt PHC (node:crypto)', password: PASSWORD, make: async () => scryptHash(PASSWORD) },
  { label: 'PBKDF2-SHA1 PHC (node:crypto)', password: PASSWORD, make: async () => pbkdf2Hash(PASSWORD, 'sha1') },
  { label: 'PBKDF2-SHA256 PHC (node:crypto)', password: PASSWORD, make: async () => pbkdf2Hash(PASSWORD, 'sha256') },
  { label: 'PBKDF2-SHA512 PHC (node:crypto)', password: PASSWORD, make: async () => pbkdf2Hash(PASSWORD, 'sha512') },
  { label: 'Django pbkdf2_sha256 (Python)', password: DJANGO.password, make: async () => DJANGO.sha256 },
  { label: 'Django pbkdf2_sha1 (Python)', password: DJANGO.password, make: async () => DJANGO.sha1 },
  { label: 'passlib $pbkdf2-sha512$ (Python)', password: PASSLIB.password, make: async () => PASSLIB.pbkdf2Sha512 },
  { label: 'passlib $scrypt$ (Python)', password: PASSLIB.password, make: async () => PASSLIB.scrypt },
  { label: 'bcrypt $2y$ cost 5 (bcryptjs, PHP prefix)', password: PASSWORD, make: async () => bcryptjs.hashSync(PASSWORD, 5).replace(/^\$2[ab]\$/, '$2y$') },
];

describeEachDatabase('Imported password hashes', (kind) => {
  const t = useTestApp(kind);
  let seq = 0;
  const nextEmail = () => `imported${++seq}@example.test`;
  const storedHash = async (email: string) => (await sql<{ h: string }>(t, `SELECT "passwordHash" AS h FROM users WHERE email = '${email}'`))[0].h;
  const upgraded = (email: string, from: string) => eventually(() => storedHash(email), (h) => h !== from);

  it.each(FORMATS)('$label: imported by PUT, signs in with its password only, then is bcrypt at BCRYPT_COST', async ({ password, make }) => {
    const hash = await make();
    const email = nextEmail();
    const created = await syncUser(t, { email, passwordHash: hash });
    expect(JSON.stringify(created)).not.toContain(hash.slice(-20));
    expect((await passwordSignIn(t, email, `${password}!`)).status).toBe(401);
    expect(await storedHash(email)).toBe(hash);
    expect((await passwordSignIn(t, email, password)).status).toBe(200);
    expect(await upgraded(email, hash)).toMatch(/^\$2[ab]\$04\$/);
    expect((await passwordSignIn(t, email, password)).status).toBe(200);
  });

  it.each(FORMATS)('$label: imported in bulk, signs in, and the same line imported again changes nothing, upgraded or not', async ({ password, make }) => {
    const hash = await make();
    const email = nextEmail();
    const first = await importLines(t, [{ email, passwordHash: hash }]);
    expect(first.results).toEqual([{ line: 1, status: 'created', id: expect.any(String) }]);
    const session = await signIn(t, email, password);
    const bcrypt = await upgraded(email, hash);
    expect(bcrypt).toMatch(/^\$2[ab]\$04\$/);
    const again = await importLines(t, [{ email, passwordHash: hash }]);
    expect(again.results).toEqual([{ ...first.results[0], status: 'unchanged' }]);
    // The upgrade stays, and so does the session: the old hash was not put back.
    expect(await storedHash(email)).toBe(bcrypt);
    expect((await me(t, session.accessToken)).status).toBe(200);
  });

  it('a new imported hash replaces the password and ends the sessions; the old password stops working', async () => {
    const email = nextEmail();
    await syncUser(t, { email, passwordHash: pbkdf2Hash('Old-passw0rd') });
    const session = await signIn(t, email, 'Old-passw0rd');
    const res = await putUser(t, { email, passwordHash: pbkdf2Hash('New-passw0rd') });
    expect(res.status).toBe(200);
    expect((await me(t, session.accessToken)).status).toBe(401);
    expect((await passwordSignIn(t, email, 'Old-passw0rd')).status).toBe(401);
    expect((await passwordSignIn(t, email, 'New-passw0rd')).status).toBe(200);
  });

  it('the own password change accepts an imported hash as the current password', async () => {
    const email = nextEmail();
    const imported = await argon2Hash('Current-passw0rd');
    await syncUser(t, { email, passwordHash: imported });
    const session = await signIn(t, email, 'Current-passw0rd');
    // The sign-in upgraded the hash (in the background): put the imported one back to change the password against it.
    await upgraded(email, imported);
    await sql(t, `UPDATE users SET "passwordHash" = '${imported}' WHERE email = '${email}'`);
    const res = await t.http().post('/api/users/me/password').set('authorization', `Bearer ${session.accessToken}`).send({ currentPassword: 'Current-passw0rd', newPassword: 'Changed-passw0rd' });
    expect(res.status).toBe(200);
    expect((await passwordSignIn(t, email, 'Changed-passw0rd')).status).toBe(200);
  });

  it.each(OUT_OF_BOUNDS)('refuses $label with 400 naming passwordHash and the bound, by PUT and in bulk, writing nothing', async ({ hash, reason }) => {
    const email = nextEmail();
    const res = await putUser(t, { email, passwordHash: hash });
    expect400Naming(res, 'passwordHash');
    expect(res.body.fields).toEqual([{ field: 'passwordHash', reason: expect.stringMatching(reason) }]);
    expect(JSON.stringify(res.body)).not.toContain(hash);
    const { results } = await importLines(t, [{ email, passwordHash: hash }]);
    expect(results).toEqual([{ line: 1, status: 'error', error: expect.objectContaining({ statusCode: 400, fields: [{ field: 'passwordHash', reason: expect.stringMatching(reason) }] }) }]);
    expect(await count(t, `SELECT COUNT(*) AS n FROM users WHERE email = '${email}'`)).toBe(0);
  });

  it('refuses an unknown format with 400 listing the accepted formats', async () => {
    const res = await putUser(t, { email: nextEmail(), passwordHash: '$1$saltsalt$qjXMvbEw8oaL.CzflDugX/' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: 'passwordHash', reason: expect.stringMatching(/^is not a recognised password hash; accepted: bcrypt.*argon2id.*scrypt.*PBKDF2.*Django/) }]);
  });

  it('refuses password and passwordHash together with 400 naming both', async () => {
    const res = await putUser(t, { email: nextEmail(), password: PASSWORD, passwordHash: DJANGO.sha256 });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: 'password', reason: 'send either password or passwordHash, not both' },
      { field: 'passwordHash', reason: 'send either password or passwordHash, not both' },
    ]);
  });

  it('records each kind of imported hash with a dummy of its cost (none for bcrypt at BCRYPT_COST), dropped once no user has one', async () => {
    const profiles = t.app.get(PasswordProfiles);
    const [a, b, c, d] = [nextEmail(), nextEmail(), nextEmail(), nextEmail()];
    const argonA = await argon2Hash('Argon-passw0rd', 'argon2id', 2048, 1);
    const argonB = await argon2Hash('Argon-passw0rd', 'argon2id', 2048, 1);
    const pbkdf2 = pbkdf2Hash('Pbkdf2-passw0rd', 'sha256', 1234);
    await importLines(t, [{ email: a, passwordHash: argonA }, { email: b, passwordHash: argonB }, { email: c, passwordHash: pbkdf2 }, { email: d, passwordHash: bcryptjs.hashSync('x', 4) }]);
    const argonPrefix = '$argon2id$v=19$m=2048,t=1,p=1$';
    const rows = async () => sql<{ prefix: string; dummy: string }>(t, `SELECT prefix, dummy FROM password_hash_profiles WHERE prefix IN ('${argonPrefix}', '$pbkdf2-sha256$i=1234$', '$2b$04$')`);
    expect((await rows()).map((r) => r.prefix).sort()).toEqual([argonPrefix, '$pbkdf2-sha256$i=1234$'].sort());
    for (const { dummy } of await rows()) expect([argonA, argonB, pbkdf2]).not.toContain(dummy);
    await expect(profiles.active()).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ prefix: argonPrefix })]));
    // Both argon2 users sign in (and are upgraded): that kind is then dropped; the PBKDF2 one still has a user.
    for (const [email, hash] of [[a, argonA], [b, argonB]]) {
      await signIn(t, email, 'Argon-passw0rd');
      await upgraded(email, hash);
    }
    await expect(profiles.prune()).resolves.toContain(argonPrefix);
    expect((await rows()).map((r) => r.prefix)).toEqual(['$pbkdf2-sha256$i=1234$']);
  });

  it('never lets an out-of-bounds hash already in the database cost a check: the sign-in is refused like a wrong password', async () => {
    const email = nextEmail();
    await syncUser(t, { email, passwordHash: DJANGO.sha256 });
    const planted = OUT_OF_BOUNDS.find((o) => o.label.startsWith('PBKDF2'))!.hash;
    await sql(t, `UPDATE users SET "passwordHash" = '${planted}' WHERE email = '${email}'`);
    const res = await passwordSignIn(t, email, DJANGO.password);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
  });
});
