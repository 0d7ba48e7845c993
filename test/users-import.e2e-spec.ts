import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { BulkRows } from '../src/database/bulk-rows';
import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { ImportResult, importLines, ndjson, postImport, readAnswer } from './support/import';
import { DJANGO, pbkdf2Hash } from './support/imported-hashes';
import { inject } from './support/inject';
import { SYSTEM_CTX } from './support/seed';
import { bearer, me, passwordSignIn, signIn } from './support/sessions';
import { count, sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { adminToken, newSignedInUser, putUser } from './support/users';

/** What a result line says, without the generated id: a status, or the error's status code and code. */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const verdict = (r: ImportResult) => (r.status === 'error' ? `${r.error.statusCode} ${r.error.code}` : r.status);

describeEachDatabase('POST /api/users/import', (kind) => {
  // Batches of 3 lines, so a few lines make several transactions; a small BODY_LIMIT for the too-long line.
  const t = useTestApp(kind, { IMPORT_BATCH_SIZE: '3', BODY_LIMIT: '2048' });
  const usersLike = (pattern: string) => count(t, `SELECT COUNT(*) AS n FROM users WHERE email LIKE '${pattern}'`);
  const row = async (email: string) => (await sql(t, `SELECT * FROM users WHERE email = '${email}'`))[0];
  afterEach(() => jest.restoreAllMocks());

  it('answers one result per line, in order, then a summary; a bad line never stops the others', async () => {
    const hash = pbkdf2Hash('Mixed-passw0rd');
    const { results, summary } = await importLines(t, [
      { email: 'mixed.a@example.test', username: 'mixed.a', passwordHash: hash },
      '{"email": "mixed.broken@example.test",',
      { email: 'not-an-email' },
      { email: 'mixed.b@example.test', isAdmin: true },
      '',
      '{"email":"mixed.c@example.test","__proto__":{"roles":["admin"]}}',
      { email: 'mixed.d@example.test', username: 'mixed.a' },
      { email: 'mixed.a@example.test', firstName: 'Ada' },
      JSON.stringify({ email: 'mixed.e@example.test', name: 'x'.repeat(3000) }),
      { username: 'mixed.nobody' },
      { email: 'mixed.f@example.test', password: 'short' },
      { email: 'mixed.g@example.test', password: 'Mixed-passw0rd', passwordHash: hash },
      { email: 'mixed.a@example.test', firstName: 'Ada' },
      { email: 'mixed.h@example.test', password: 'Mixed-passw0rd' },
    ]);
    expect(results.map((r) => [r.line, verdict(r)])).toEqual([
      [1, 'created'], [2, '400 invalid_request'], [3, '400 invalid_request'], [4, '400 invalid_request'],
      [6, '400 invalid_request'], [7, '409 username_taken'], [8, 'updated'], [9, '400 invalid_request'], [10, '400 invalid_request'],
      [11, '400 invalid_request'], [12, '400 invalid_request'], [13, 'unchanged'], [14, 'created'],
    ]);
    const fieldsOf = (line: number) => (results.find((r) => r.line === line) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
    expect([2, 3, 4, 6, 9, 10, 11, 12].map(fieldsOf)).toEqual([['body'], ['email'], ['isAdmin'], ['body'], ['body'], ['email'], ['password'], ['password', 'passwordHash']]);
    expect(summary).toMatchObject({ lines: 13, created: 2, updated: 1, unchanged: 1, errors: 9, complete: true });
    expect(await usersLike('mixed.%')).toBe(2);
    expect(await row('mixed.a@example.test')).toMatchObject({ firstName: 'Ada', username: 'mixed.a' });
    expect((await passwordSignIn(t, 'mixed.a', 'Mixed-passw0rd')).status).toBe(200);
    expect((await passwordSignIn(t, 'mixed.h@example.test', 'Mixed-passw0rd')).status).toBe(200);
  });

  it('creates, updates or leaves unchanged exactly as the same bodies sent one by one to PUT /api/users', async () => {
    await newSignedInUser(t, { prefix: 'same.deleted' });
    const bodies = (p: string) => [
      { email: `${p}.one@example.test`, username: `${p}.one`, password: 'Same-passw0rd', roles: ['user'] },
      { email: `${p}.one@example.test`, name: 'One', roles: ['user'] },
      { email: `${p}.one@example.test`, password: 'Same-passw0rd' },
      { email: `${p}.one@example.test`, roles: ['user', 'editor'], isActive: false },
      { email: `${p}.two@example.test`, username: `${p}.one` },
      { username: `${p}.one`, locale: 'en-GB' },
      { email: `${p}.two@example.test`, passwordHash: DJANGO.sha256, emailVerified: true },
      { email: `${p}.two@example.test`, passwordHash: DJANGO.sha256, emailVerified: true },
      { email: `${p}.two@example.test`, username: `${p}.two`, password: 'Other-passw0rd' },
      { username: `${p}.three`, name: 'Nobody' },
    ];
    const viaPut = [];
    for (const body of bodies('put')) viaPut.push((await putUser(t, body)).status);
    const { results } = await importLines(t, bodies('imp'));
    expect(results.map((r) => (r.status === 'error' ? r.error.statusCode : 200))).toEqual(viaPut);
    expect(results.map(verdict)).toEqual(['created', 'updated', 'unchanged', 'updated', '409 username_taken', 'updated', 'created', 'unchanged', 'updated', '400 invalid_request']);
    const state = async (p: string) =>
      (await sql(t, `SELECT email, username, name, locale, roles, "isActive", "emailVerified", "tokenGeneration", "createdBy", "updatedBy" FROM users WHERE email LIKE '${p}.%' ORDER BY email`))
        .map((r) => ({ ...r, email: String(r.email).replace(/^[a-z]+\./, ''), username: String(r.username).replace(/^[a-z]+\./, '') }));
    expect(await state('imp')).toEqual(await state('put'));
    expect((await passwordSignIn(t, 'imp.two', 'Other-passw0rd')).status).toBe(200);
  });

  it('gives the users PUT one by one gives when a later batch names, by another identifier, a user an earlier one changed', async () => {
    // Batches of 3. The first renames a stored user; the second names that user's old username only (no line of the
    // first batch names it), so only the user the first batch read ties them: the second must see the rename.
    for (const p of ['put', 'imp']) expect((await putUser(t, { email: `${p}.cross@example.test`, username: `${p}.cross` })).status).toBe(200);
    const bodies = (p: string) => [
      { email: `${p}.cross@example.test`, username: `${p}.cross.renamed` },
      { email: `${p}.cross.a@example.test` },
      { email: `${p}.cross.b@example.test` },
      { username: `${p}.cross`, email: `${p}.cross.new@example.test`, name: 'Takes the old username' },
      { email: `${p}.cross.c@example.test` },
    ];
    const viaPut = [];
    for (const body of bodies('put')) viaPut.push((await putUser(t, body)).status);
    const { results } = await importLines(t, bodies('imp'));
    expect(results.map((r) => (r.status === 'error' ? r.error.statusCode : 200))).toEqual(viaPut);
    expect(results.map(verdict)).toEqual(['updated', 'created', 'created', 'created', 'created']);
    const state = async (p: string) =>
      (await sql(t, `SELECT email, username, name, locale FROM users WHERE email LIKE '${p}.cross%' ORDER BY email`)).map((r) => ({
        ...r,
        email: String(r.email).replace(/^[a-z]+\./, ''),
        username: r.username === null ? null : String(r.username).replace(/^[a-z]+\./, ''),
      }));
    expect(await state('imp')).toEqual(await state('put'));
    expect(await state('imp')).toContainEqual({ email: 'cross.new@example.test', username: 'cross', name: 'Takes the old username', locale: null });
  });

  it('stores every value as PUT /api/users does: backslashes, quotes and any script (new users go in by COPY on PostgreSQL)', async () => {
    const body = (p: string) => ({
      email: `${p}.text@example.test`,
      username: `${p}.text`,
      name: 'Back\\slash \\N "quoted" O\'Brien',
      firstName: 'Zoë 名前 🙂',
      lastName: 'Ünïcødé \\t',
      locale: 'fr-CA',
      avatar: 'https://example.test/a%5Cb.png?x=1&y="2"',
      roles: ['user', 'editor'],
      passwordHash: DJANGO.sha256,
    });
    const put = await putUser(t, body('put'));
    expect(put.body).toMatchObject({ username: 'put.text' });
    const { results } = await importLines(t, [body('imp')]);
    expect(results.map(verdict)).toEqual(['created']);
    const stored = async (p: string) =>
      (await sql(t, `SELECT name, "firstName", "lastName", locale, avatar, roles, "passwordHash", "importedPasswordDigest", "emailVerified", "isActive" FROM users WHERE email = '${p}.text@example.test'`))[0];
    expect(await stored('imp')).toEqual(await stored('put'));
    // PUT creates its user by the same insert, so the values are checked as written, not only against it.
    const { emailVerified, isActive, ...text } = await stored('imp');
    expect(text).toEqual({
      name: 'Back\\slash \\N "quoted" O\'Brien',
      firstName: 'Zoë 名前 🙂',
      lastName: 'Ünïcødé \\t',
      locale: 'fr-CA',
      avatar: 'https://example.test/a%5Cb.png?x=1&y="2"',
      roles: '["user","editor"]',
      passwordHash: DJANGO.sha256,
      importedPasswordDigest: createHash('sha256').update(DJANGO.sha256).digest('hex'),
    });
    expect([Boolean(emailVerified), Boolean(isActive)]).toEqual([false, true]);
  });

  it('imports the same file a second time as all unchanged: nothing written, no session ended', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => ({
      email: `again${i}@example.test`,
      username: `again${i}`,
      ...(i % 2 ? { password: 'Again-passw0rd' } : { passwordHash: pbkdf2Hash('Again-passw0rd') }),
      roles: ['user'],
      firstName: `Again ${i}`,
    }));
    expect((await importLines(t, lines)).summary).toMatchObject({ created: 7, errors: 0 });
    const session = await signIn(t, 'again1', 'Again-passw0rd');
    const before = await sql(t, `SELECT id, "updatedAt", "tokenGeneration", "passwordHash" FROM users WHERE email LIKE 'again%' ORDER BY id`);
    const { results, summary } = await importLines(t, lines);
    expect(results.map(verdict)).toEqual(Array(7).fill('unchanged'));
    expect(summary).toMatchObject({ lines: 7, created: 0, updated: 0, unchanged: 7, errors: 0, complete: true });
    expect(await sql(t, `SELECT id, "updatedAt", "tokenGeneration", "passwordHash" FROM users WHERE email LIKE 'again%' ORDER BY id`)).toEqual(before);
    expect((await me(t, session.accessToken)).status).toBe(200);
  });

  it('commits batch by batch: a failure mid-way keeps the batches answered, with their audit events, and nothing of the failed one', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ email: `crash${i + 1}@example.test`, passwordHash: DJANGO.sha256 }));
    const original = BulkRows.prototype.insert;
    let calls = 0;
    jest.spyOn(BulkRows.prototype, 'insert').mockImplementation(async function (this: BulkRows<object>, ...args) {
      await original.apply(this, args);
      // The audit events are a batch's last write, after its users: the third batch fails once both are written.
      if (args[1][0] instanceof AuditEvent && ++calls === 3) throw new Error('failure injected after the third batch was written');
    });
    const res = await postImport(t, ndjson(lines));
    expect(res.status).toBe(200);
    const { results, summary } = readAnswer(res.body as string);
    expect(results.map((r) => [r.line, r.status])).toEqual([1, 2, 3, 4, 5, 6].map((line) => [line, 'created']));
    expect(summary).toMatchObject({ lines: 6, created: 6, complete: false, error: { statusCode: 500, code: 'internal_error' } });
    const existing = async (from: number, to: number) =>
      count(t, `SELECT COUNT(*) AS n FROM users WHERE email IN (${range(from, to).map((i) => `'crash${i}@example.test'`).join(', ')})`);
    expect(await existing(1, 6)).toBe(6);
    expect(await existing(7, 9)).toBe(0);
    // The fourth batch was written alongside the third (IMPORT_PARALLEL_BATCHES 2): whole or not at all, never answered.
    expect([0, 3]).toContain(await existing(10, 12));
    // Each user committed has its user.created event, and the rolled-back batch left none.
    const crashIds = `SELECT id FROM users WHERE email LIKE 'crash%'`;
    expect(await count(t, `SELECT COUNT(*) AS n FROM audit_events WHERE type = 'user.created' AND "subjectId" IN (${crashIds})`)).toBe(await usersLike('crash%'));
    expect(await count(t, `SELECT COUNT(*) AS n FROM audit_events WHERE type = 'user.created' AND "subjectId" NOT IN (SELECT id FROM users)`)).toBe(0);
    const fourth = (await existing(10, 12)) === 3 ? 'unchanged' : 'created';
    jest.restoreAllMocks();
    // Sent again whole: what was committed is unchanged, the rest goes in.
    const again = await importLines(t, lines);
    expect(again.results.map((r) => r.status)).toEqual([...Array(6).fill('unchanged'), ...Array(3).fill('created'), ...Array(3).fill(fourth)]);
  });

  it('records user.created and user.updated (via import, field names only) for each change, none for unchanged lines', async () => {
    const hash = pbkdf2Hash('Audit-passw0rd');
    const { results } = await importLines(t, [{ email: 'audited@example.test', passwordHash: hash }, { email: 'audited@example.test', name: 'Audited' }, { email: 'audited@example.test', name: 'Audited' }]);
    await flushAudit(t);
    const id = (results[0] as { id: string }).id;
    const events = await sql<{ type: string; details: string; actorId: string }>(t, `SELECT type, details, "actorId" FROM audit_events WHERE "subjectId" = '${id}' ORDER BY "createdAt", type`);
    expect(events.map((e) => [e.type, JSON.parse(e.details), e.actorId])).toEqual([
      ['user.created', { via: 'import', fields: ['email', 'passwordHash'] }, '__system'],
      ['user.updated', { via: 'import', fields: ['email', 'name'] }, '__system'],
    ]);
    expect(events.map((e) => e.details).join()).not.toContain(hash);
  });

  it('runs alongside ordinary syncs of the same users: one row each, every write of both kept', async () => {
    const n = 30;
    const email = (i: number) => `both${i}@example.test`;
    const lines = Array.from({ length: n }, (_, i) => ({ email: email(i), firstName: 'Imported', passwordHash: DJANGO.sha256 }));
    const [imported, ...synced] = await Promise.all([
      importLines(t, lines),
      ...Array.from({ length: n }, (_, i) => putUser(t, { email: email(n - 1 - i), lastName: 'Synced' })),
    ]);
    expect(synced.map((r) => r.status)).toEqual(Array(n).fill(200));
    expect(imported.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(imported.summary).toMatchObject({ lines: n, errors: 0, complete: true });
    const rows = await sql(t, `SELECT "firstName", "lastName", "passwordHash" FROM users WHERE email LIKE 'both%'`);
    expect(rows).toHaveLength(n);
    expect(rows).toEqual(Array(n).fill({ firstName: 'Imported', lastName: 'Synced', passwordHash: DJANGO.sha256 }));
  });

  it('needs the system context or an admin: 401 without, 403 for another user, the admin as creator', async () => {
    const body = ndjson([{ email: 'by-admin-import@example.test' }]);
    expect((await postImport(t, body, {})).status).toBe(401);
    const user = await newSignedInUser(t, { prefix: 'not.admin' });
    expect((await postImport(t, body, { authorization: bearer(user.session.accessToken) })).status).toBe(403);
    const admin = await adminToken(t);
    const res = await postImport(t, body, { authorization: bearer(admin) });
    expect(res.status).toBe(200);
    expect(readAnswer(res.body as string).results).toEqual([{ line: 1, status: 'created', id: expect.any(String) }]);
    expect(await row('by-admin-import@example.test')).toMatchObject({ createdBy: (await me(t, admin)).body.id });
  });

  it('reads NDJSON on this route only, and only NDJSON here (415 otherwise); the global body limit stays small', async () => {
    const asJson = await t.http().post('/api/users/import').set('x-user-ctx', SYSTEM_CTX).send({ email: 'json@example.test' });
    expect(asJson.status).toBe(415);
    const elsewhere = await t.http().put('/api/users').set({ 'x-user-ctx': SYSTEM_CTX, 'content-type': 'application/x-ndjson' }).send('{"email":"nd@example.test"}\n');
    expect(elsewhere.status).toBe(415);
    const big = await putUser(t, { email: 'big@example.test', name: 'x'.repeat(3000) });
    expect(big.status).toBe(413);
    const many = Array.from({ length: 40 }, (_, i) => ({ email: `wide${i}@example.test`, name: 'y'.repeat(150) }));
    expect(ndjson(many).length).toBeGreaterThan(3 * 2048);
    expect((await importLines(t, many)).summary).toMatchObject({ created: 40, complete: true });
    expect(await usersLike('%@example.test')).toBeGreaterThan(0);
  });
});

describeEachDatabase('POST /api/users/import over IMPORT_MAX_BODY', (kind) => {
  const t = useTestApp(kind, { IMPORT_BATCH_SIZE: '2', IMPORT_MAX_BODY: '1024' });
  const lines = Array.from({ length: 30 }, (_, i) => ({ email: `limit${i}@example.test`, name: 'Over the limit, in the end' }));
  beforeAll(() => expect(ndjson(lines).length).toBeGreaterThan(2 * 1024));

  it('answers 413 when Content-Length says more, and writes nothing', async () => {
    const res = await postImport(t, ndjson(lines));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body as string)).toMatchObject({ code: 'payload_too_large' });
    expect(await count(t, `SELECT COUNT(*) AS n FROM users WHERE email LIKE 'limit%'`)).toBe(0);
  });

  it('stops a chunked body where it passes the limit: the batches before are answered and kept, the summary says why', async () => {
    const body = ndjson(lines);
    const payload = Readable.from((function* () {
      for (let i = 0; i < body.length; i += 100) yield Buffer.from(body.slice(i, i + 100));
    })());
    const res = await inject(t, { method: 'POST', url: '/api/users/import', headers: { 'content-type': 'application/x-ndjson', 'x-user-ctx': SYSTEM_CTX }, payload });
    expect(res.headers['content-length']).toBeUndefined();
    const { results, summary } = readAnswer(res.body);
    expect(summary).toMatchObject({ complete: false, error: { statusCode: 413, code: 'payload_too_large' } });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(await count(t, `SELECT COUNT(*) AS n FROM users WHERE email LIKE 'limit%'`)).toBe(results.length);
  });
});
