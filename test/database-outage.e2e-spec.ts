import { DatabaseKind, describeOnPostgres } from './support/databases';
import { metricValue } from './support/metrics';
import { eventually } from './support/poll';
import { bearer, passwordSignIn } from './support/sessions';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { putUser, syncUser } from './support/users';

/**
 * PostgreSQL becomes unreachable and comes back, staged with a TCP proxy between the app and the shared server.
 * (SQLite is a file inside the process: there is no connection to lose.)
 */
describeOnPostgres('database outage and recovery', (pg) => {
  let t: TestApp;
  let proxy: TcpProxy;
  let token: string;

  /** The test database, reached through the proxy. */
  const throughProxy = (kind: DatabaseKind): DatabaseKind => ({
    name: kind.name,
    async create() {
      const db = await kind.create();
      const url = new URL(db.url);
      proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
      await proxy.start();
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      return { url: url.toString(), drop: db.drop };
    },
  });
  const get = (path: string, auth?: string) => {
    const req = t.http().get(path);
    return auth ? req.set('authorization', bearer(auth)) : req;
  };
  const login = () => passwordSignIn(t, 'outage@example.test', 'Outage-pass1');

  beforeAll(async () => {
    // Without the user cache: a token check within USER_CACHE_TTL_MS of the last one would be answered from memory
    // (200) rather than reach the database, and what is tested here is what the database's absence gives.
    t = await startTestApp(throughProxy(pg), { USER_CACHE_TTL_MS: '0' });
    await syncUser(t, { email: 'outage@example.test', password: 'Outage-pass1' });
    token = (await login()).body.accessToken as string;
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t.close();
    await proxy.cut();
  });

  it('is ready and serves while the database is up', async () => {
    expect((await get('/health/ready')).status).toBe(200);
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/api/users/me', token)).status).toBe(200);
  });

  describe('while the database is unreachable', () => {
    beforeAll(() => proxy.cut());

    it('reports not ready (503) but alive (200), and counts the failed probe in the metrics', async () => {
      const ready = await get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'not_ready', requestId: expect.any(String) });
      expect(ready.body.message).toContain('database');
      expect((await get('/health/live')).status).toBe(200);
      expect(metricValue((await t.http().get('/metrics')).text, 'gatehouse_readiness_failures_total', { reason: 'database' })).toBeGreaterThanOrEqual(1);
    });

    it.each([
      ['a login', () => login()],
      ['GET /api/users/me with a valid token', () => get('/api/users/me', token)],
      ['a sync', () => putUser(t, { email: 'during@example.test', password: 'During-pass1' })],
    ])('answers %s with 503 database_unavailable, no driver detail', async (_name, send) => {
      const res = await send();
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'database_unavailable',
        message: 'The database is unreachable; try again shortly',
        requestId: res.headers['x-request-id'],
      });
    });
  });

  describe('while the database accepts connections but never answers', () => {
    beforeAll(async () => {
      await proxy.cut();
      await proxy.restoreAsBlackHole();
    });
    afterAll(() => proxy.cut());

    // The pool's connection timeout (5 s) and the readiness ping's (2 s) turn a silent database into a 503.
    it('reports not ready, and answers a sign-in with 503 database_unavailable rather than hanging', async () => {
      expect((await get('/health/ready')).status).toBe(503);
      const res = await login();
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('database_unavailable');
    });
  });

  describe('when the database comes back', () => {
    beforeAll(() => proxy.restore());

    it('recovers without a restart: ready again, sign-in, /me and sync work', async () => {
      // The pool reconnects on its own; readiness is polled (every 20 ms, for up to 10 s) until it says so.
      expect((await eventually(() => get('/health/ready'), (res) => res.status === 200)).status).toBe(200);
      expect((await login()).status).toBe(200);
      expect((await get('/api/users/me', token)).status).toBe(200);
      await expect(syncUser(t, { email: 'after@example.test', password: 'After-pass1' })).resolves.toMatchObject({ email: 'after@example.test' });
    });
  });
});
