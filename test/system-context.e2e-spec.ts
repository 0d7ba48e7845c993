import { describeEachDatabase, SQLITE } from './support/databases';
import { expect400Naming } from './support/expectations';
import { SYSTEM_CTX } from './support/seed';
import { bearer } from './support/sessions';
import { count, sql } from './support/sql';
import { contextSignature, systemContext } from './support/system-context';
import { useTestApp } from './support/test-app';
import { nowSeconds } from './support/tokens';
import { adminToken, newUser, putUser } from './support/users';

/** Finding 10 of the account-protection issue: x-user-ctx told a server's call from a browser's by nothing. */
describeEachDatabase('x-user-ctx: browsers and user ids', (kind) => {
  const t = useTestApp(kind);
  const usersWith = (email: string) => count(t, `SELECT COUNT(*) AS n FROM users WHERE email = '${email}'`);

  it.each([
    ['Origin', { origin: 'http://127.0.0.1:8080' }],
    ['Sec-Fetch-Site', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Dest', { 'sec-fetch-dest': 'empty' }],
    ['what a browser fetch() sends', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }],
  ])('refuses it with 403 from a trusted address when the request carries %s (a browser), and writes nothing', async (_name, headers) => {
    const email = `browser-${Object.keys(headers)[0]}@example.test`;
    const res = await t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).set(headers).send({ email });
    const list = await t.http().get('/api/users').set('x-user-ctx', SYSTEM_CTX).set(headers);

    expect([res.status, res.body.message]).toEqual([403, expect.stringMatching(/not accepted from a browser/)]);
    expect(list.status).toBe(403);
    expect(await usersWith(email)).toBe(0);
  });

  it("accepts it with the Sec-Fetch-Mode: cors that Node's own fetch (undici) sends on every request: a back end, not a browser", async () => {
    const res = await t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).set('sec-fetch-mode', 'cors').send({ email: 'node-fetch@example.test' });
    expect(res.status).toBe(200);
  });

  it('still lets a browser call with a Bearer token (an admin in an SPA)', async () => {
    const admin = await adminToken(t);
    const res = await t.http().put('/api/users').set('authorization', bearer(admin)).set('origin', 'https://app.example.test').send({ email: 'from-spa@example.test' });
    expect(res.status).toBe(200);
  });

  it("refuses a context id that is a user's id (400), so no write is attributed to that user", async () => {
    const victim = await newUser(t, { prefix: 'victim' });
    const target = await newUser(t, { prefix: 'target' });

    const asVictim = await putUser(t, { email: target.email, firstName: 'Forged' }).set('x-user-ctx', systemContext(victim.id));
    const digits = await t.http().put('/api/users').set('x-user-ctx', systemContext('12345')).send({ email: 'digits@example.test' });

    expect400Naming(asVictim, 'x-user-ctx');
    expect400Naming(digits, 'x-user-ctx');
    expect(await sql(t, `SELECT "firstName", "updatedBy" FROM users WHERE id = '${target.id}'`)).toEqual([{ firstName: null, updatedBy: null }]);
  });
});

const SECRET = 'a-system-context-secret-of-at-least-32-chars';

/** SYSTEM_CONTEXT_SECRET: a trusted network alone no longer makes a system. The database plays no part. */
describe('x-user-ctx with SYSTEM_CONTEXT_SECRET', () => {
  const t = useTestApp(SQLITE, { SYSTEM_CONTEXT_SECRET: SECRET });
  const sync = (email: string, signature?: string, context = SYSTEM_CTX) => {
    const req = t.http().put('/api/users').set('x-user-ctx', context);
    return (signature === undefined ? req : req.set('x-user-ctx-signature', signature)).send({ email });
  };
  const expect401 = (res: { status: number; body: { code?: string } }) =>
    expect([res.status, res.body.code]).toEqual([401, 'invalid_system_context_signature']);

  it('accepts a signature made with the secret, within 300 s either way', async () => {
    expect((await sync('signed@example.test', contextSignature(SYSTEM_CTX, SECRET))).status).toBe(200);
    expect((await sync('early@example.test', contextSignature(SYSTEM_CTX, SECRET, nowSeconds() - 290))).status).toBe(200);
    expect((await sync('late@example.test', contextSignature(SYSTEM_CTX, SECRET, nowSeconds() + 290))).status).toBe(200);
  });

  it('refuses no signature, a malformed one, another secret, another context, and a time outside the window', async () => {
    const other = systemContext('__other');
    expect401(await sync('none@example.test'));
    expect401(await sync('malformed@example.test', 'v1=abc'));
    expect401(await sync('wrong@example.test', contextSignature(SYSTEM_CTX, `${SECRET}-not`)));
    expect401(await sync('replayed@example.test', contextSignature(other, SECRET)));
    expect401(await sync('old@example.test', contextSignature(SYSTEM_CTX, SECRET, nowSeconds() - 400)));
    expect401(await sync('future@example.test', contextSignature(SYSTEM_CTX, SECRET, nowSeconds() + 400)));
    const refused = ['none', 'malformed', 'wrong', 'replayed', 'old', 'future'].map((n) => `'${n}@example.test'`).join(', ');
    expect(await count(t, `SELECT COUNT(*) AS n FROM users WHERE email IN (${refused})`)).toBe(0);
  });
});
