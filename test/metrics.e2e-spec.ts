import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachDatabase, describeOnPostgres, SQLITE } from './support/databases';
import { gatehouseLabelValues, metricValue } from './support/metrics';
import { me, passwordSignIn, refresh, signIn } from './support/sessions';
import { HasHttp, useTestApp } from './support/test-app';
import { adminToken, newUser } from './support/users';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

const scrape = (t: HasHttp, token?: string) => {
  const req = t.http().get('/metrics');
  return token ? req.set('authorization', `Bearer ${token}`) : req;
};

async function metricsText(t: HasHttp): Promise<string> {
  const res = await scrape(t);
  expect(res.status).toBe(200);
  return res.text;
}

/** The parts of an error body that do not depend on the request (its id differs each time). */
const shape = (body: Record<string, unknown>) => ({ statusCode: body.statusCode, error: body.error, code: body.code, message: body.message });

describe('GET /metrics: who may read it', () => {
  describe('from the metrics networks (default: TRUSTED_NETWORKS, loopback)', () => {
    const t = useTestApp(SQLITE);

    it('exposes every metric the Grafana dashboard (docs/grafana/gatehouse.json) queries', async () => {
      const dashboard = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'grafana', 'gatehouse.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
      const queried = new Set(dashboard.panels.flatMap((p) => p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\b((?:gatehouse|nodejs|process)_\w+)\{/g)].map((m) => m[1])));
      const declared = new Set([...(await metricsText(t)).matchAll(/^# TYPE (\w+) (\w+)$/gm)].flatMap((m) => (m[2] === 'histogram' ? [`${m[1]}_bucket`, `${m[1]}_count`] : [m[1]])));
      expect(queried.size).toBeGreaterThan(10);
      expect([...queried].filter((name) => !declared.has(name))).toEqual([]);
    });

    it('answers the Prometheus text format: request durations, process metrics and event-loop delay', async () => {
      const res = await scrape(t);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.text).toMatch(/^# TYPE gatehouse_http_request_duration_seconds histogram$/m);
      expect(res.text).toMatch(/^# TYPE process_cpu_seconds_total counter$/m);
      expect(res.text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    });
  });

  describe('from outside the metrics networks', () => {
    const t = useTestApp(SQLITE, { METRICS_NETWORKS: '10.0.0.0/8', METRICS_TOKEN: TOKEN });

    it('answers 404, the very answer of a route that does not exist', async () => {
      const res = await scrape(t);
      const missing = await t.http().get('/metricz');
      expect(res.status).toBe(404);
      expect(shape(res.body)).toEqual({ ...shape(missing.body), message: 'Cannot GET /metrics' });
      expect(res.text).not.toMatch(/gatehouse_/);
    });

    it('answers 404 to a wrong token, a token of another length, or another scheme', async () => {
      for (const header of [`Bearer ${TOKEN.slice(0, -1)}x`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
        const res = await t.http().get('/metrics').set('authorization', header);
        expect({ header, status: res.status }).toEqual({ header, status: 404 });
      }
    });

    it('answers 200 to the metrics token', async () => {
      const res = await scrape(t, TOKEN);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^# TYPE gatehouse_sign_ins_total counter$/m);
    });
  });
});

describeEachDatabase('GET /metrics: what it counts', (kind) => {
  // No grace interval: a rotated token presented again is a reuse at once.
  const t = useTestApp(kind, { LOCKOUT_THRESHOLD: '3', LOGIN_RATE_LIMIT_ACCOUNT: '5', REFRESH_REUSE_INTERVAL: '0' });

  it('counts sign-ins by method and result, and the automatic lockouts', async () => {
    const user = await newUser(t, { prefix: 'counted' });
    await signIn(t, user.email, user.password);
    for (let i = 0; i < 3; i++) expect((await passwordSignIn(t, user.email, 'Wrong-passw0rd')).status).toBe(401);
    expect((await passwordSignIn(t, user.email, user.password)).status).toBe(423);
    const text = await metricsText(t);
    expect(metricValue(text, 'gatehouse_sign_ins_total', { method: 'password', result: 'succeeded' })).toBe(1);
    expect(metricValue(text, 'gatehouse_sign_ins_total', { method: 'password', result: 'failed', reason: 'wrong_password' })).toBe(3);
    expect(metricValue(text, 'gatehouse_sign_ins_total', { method: 'password', result: 'failed', reason: 'locked' })).toBe(1);
    expect(metricValue(text, 'gatehouse_lockouts_total')).toBe(1);
  });

  it('counts requests refused by the rate limit, by limit', async () => {
    for (let i = 0; i < 6; i++) await passwordSignIn(t, 'limited@example.test', 'Wrong-passw0rd');
    expect(metricValue(await metricsText(t), 'gatehouse_rate_limited_total', { limit: 'login-account' })).toBe(1);
  });

  it('counts refresh rotations and a detected reuse', async () => {
    const user = await newUser(t, { prefix: 'rotating' });
    const session = await signIn(t, user.email, user.password);
    expect((await refresh(t, session.refreshToken)).status).toBe(200);
    expect((await refresh(t, 'not-a-token')).status).toBe(401);
    expect((await refresh(t, session.refreshToken)).body).toMatchObject({ code: 'refresh_token_reused' });
    const text = await metricsText(t);
    expect(metricValue(text, 'gatehouse_refresh_rotations_total', { result: 'rotated' })).toBe(1);
    expect(metricValue(text, 'gatehouse_refresh_rotations_total', { result: 'refused' })).toBe(1);
    expect(metricValue(text, 'gatehouse_refresh_rotations_total', { result: 'reused' })).toBe(1);
  });

  it('times password hashes on their thread and reads the hash queue', async () => {
    const before = metricValue(await metricsText(t), 'gatehouse_password_hash_duration_seconds_count', { operation: 'hash' });
    await newUser(t, { prefix: 'hashed' });
    const text = await metricsText(t);
    expect(metricValue(text, 'gatehouse_password_hash_duration_seconds_count', { operation: 'hash' })).toBe(before + 1);
    expect(text).toMatch(/^gatehouse_password_hash_queue 0$/m);
  });

  it('labels requests by route template and status: never a user id, an e-mail or an address', async () => {
    const user = await newUser(t, { prefix: 'private' });
    const session = await signIn(t, user.email, user.password);
    expect((await me(t, session.accessToken)).status).toBe(200);
    const admin = await adminToken(t);
    expect((await t.http().get(`/api/users/${user.id}`).set('authorization', `Bearer ${admin}`)).status).toBe(200);
    await t.http().get(`/no/such/${user.id}`);
    const text = await metricsText(t);
    expect(metricValue(text, 'gatehouse_http_request_duration_seconds_count', { method: 'GET', route: '/api/users/:id', status: '200' })).toBe(1);
    expect(metricValue(text, 'gatehouse_http_request_duration_seconds_count', { route: '(unmatched)', status: '404' })).toBeGreaterThanOrEqual(1);
    const values = gatehouseLabelValues(text).join(' ');
    expect(values).not.toContain(user.id);
    expect(values).not.toMatch(/@|127\.0\.0\.1|::1/);
  });
});

describeOnPostgres('GET /metrics: the database pool', (kind) => {
  const t = useTestApp(kind);

  it('reports the PostgreSQL pool: connections in use, idle, waiting, and the maximum', async () => {
    const text = await metricsText(t);
    expect(metricValue(text, 'gatehouse_db_pool_connections', { state: 'max' })).toBe(10);
    expect(text).toMatch(/^gatehouse_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^gatehouse_db_pool_connections\{state="waiting"\} 0$/m);
  });
});
