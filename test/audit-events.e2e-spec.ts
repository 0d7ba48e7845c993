import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { expect400Naming } from './support/expectations';
import { SYSTEM_CTX } from './support/seed';
import { bearer, loginToken, passwordSignIn } from './support/sessions';
import { useTestApp } from './support/test-app';
import { adminToken, syncUser } from './support/users';

interface EventBody {
  id: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  clientId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

describeEachDatabase('audit events', (kind) => {
  let admin: string;
  let tyrionId: string;
  let nonAdmin: string;
  const LONG_UA = `GatehouseTest/1.0 ${'x'.repeat(400)}`;
  const list = (query: Record<string, string | number> = {}, token = admin) =>
    t.http().get('/api/audit-events').query(query).set('authorization', bearer(token));

  const t = useTestApp(kind);
  beforeAll(async () => {
    admin = await adminToken(t);
    tyrionId = (await syncUser(t, { username: 'tyrion', email: 'tyrion@example.test', password: 'Imp-passw0rd-1' })).id as string;
    await syncUser(t, { email: 'tyrion@example.test', firstName: 'Tyrion', password: 'Imp-passw0rd-2' });
    const login = (who: string, password: string) => passwordSignIn(t, who, password).set('user-agent', LONG_UA);
    expect((await login('tyrion', 'Imp-passw0rd-2')).status).toBe(200);
    expect((await login('tyrion', 'Wrong-passw0rd')).status).toBe(401);
    expect((await login('ghost@example.test', 'Wrong-passw0rd')).status).toBe(401);
    await syncUser(t, { username: 'bronn', email: 'bronn@example.test', password: 'Sellsword-1' });
    nonAdmin = await loginToken(t, 'bronn', 'Sellsword-1');
    await flushAudit(t);
  });

  it('records sign-ins, failures and syncs about a user, newest first, with where they came from', async () => {
    const res = await list({ userId: tyrionId });
    expect(res.status).toBe(200);
    const items = res.body.items as EventBody[];
    expect(items.map((e) => e.type)).toEqual(['login.failed', 'login.succeeded', 'user.updated', 'user.created']);
    const [failed, succeeded, updated, created] = items;
    expect(failed).toMatchObject({ subjectId: tyrionId, actorId: null, clientId: 'client-app-id', details: { method: 'password', reason: 'wrong_password' } });
    expect(succeeded).toMatchObject({ subjectId: tyrionId, clientId: 'client-app-id', details: { method: 'password' } });
    expect(succeeded.ip).toMatch(/127\.0\.0\.1$/);
    expect(succeeded.userAgent).toBe(LONG_UA.slice(0, 256));
    expect(created).toMatchObject({ actorId: '__system', details: { via: 'sync', fields: ['email', 'password', 'username'] } });
    expect(updated).toMatchObject({ actorId: '__system', details: { via: 'sync', fields: ['email', 'firstName', 'password'] } });
    expect(new Date(created.createdAt).getTime()).toBeLessThanOrEqual(new Date(failed.createdAt).getTime());
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
  });

  it('records a failure for an unknown account without naming it', async () => {
    const res = await list({ type: 'login.failed' });
    const unknown = (res.body.items as EventBody[]).filter((e) => e.subjectId === null);
    expect(unknown).toHaveLength(1);
    expect(unknown[0].details).toEqual({ method: 'password', reason: 'unknown_user' });
    expect(JSON.stringify(res.body)).not.toContain('ghost@example.test');
  });

  it('filters by type and pages through the results', async () => {
    const byType = await list({ type: 'user.created' });
    expect((byType.body.items as EventBody[]).every((e) => e.type === 'user.created')).toBe(true);
    expect(byType.body.total).toBe(3);
    const page1 = await list({ pageSize: 2, page: 1 });
    const page2 = await list({ pageSize: 2, page: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(2);
    expect(page1.body.total).toBe(page2.body.total);
    const ids = [...page1.body.items, ...page2.body.items].map((e: EventBody) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('never stores a password or a hash', async () => {
    const res = await list({ pageSize: 100 });
    expect(JSON.stringify(res.body)).not.toMatch(/Imp-passw0rd|Wrong-passw0rd|Adm1n-passw0rd|Sellsword|\$2[aby]\$/);
  });

  it('is for admins only: 403 for another user, 401 without a token', async () => {
    const forbidden = await list({}, nonAdmin);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
    expect((await t.http().get('/api/audit-events')).status).toBe(401);
  });

  it('accepts the system context from a trusted network', async () => {
    const res = await t.http().get('/api/audit-events').set('x-user-ctx', SYSTEM_CTX);
    expect(res.status).toBe(200);
  });

  it.each([
    [{ type: 'nope' }, 'type'],
    [{ pageSize: 1000 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ userId: 'a b' }, 'userId'],
    [{ colour: 'blue' }, 'colour'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    expect400Naming(await list(query), field);
  });

  it('is documented in the OpenAPI document, with its errors; login documents its 429', async () => {
    const doc = (await t.http().get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/api/audit-events'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(doc.paths['/api/auth/login'].post.responses['429']).toBeDefined();
  });
});
