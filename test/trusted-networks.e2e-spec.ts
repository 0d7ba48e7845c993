import { DataSource } from 'typeorm';
import { testDatabases } from './support/databases';
import { httpFrom } from './support/http-from';
import { SYSTEM_CTX } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

/** The network rule, proven with real sockets bound to different loopback addresses. */
describe('x-user-ctx is honoured only from trusted networks', () => {
  const sqlite = testDatabases()[0].kind!;
  let t: TestApp;
  let base: string;
  const sync = (from: string, email: string, headers: Record<string, string> = {}) =>
    httpFrom(from, `${base}/api/users`, { method: 'PUT', headers: { 'x-user-ctx': SYSTEM_CTX, ...headers }, body: { email } });
  const exists = async (email: string) =>
    ((await t.app.get(DataSource).query('SELECT id FROM users WHERE email = ?', [email])) as unknown[]).length === 1;

  beforeAll(async () => {
    t = await startTestApp(sqlite, { TRUSTED_NETWORKS: '127.0.0.1/32', TRUST_PROXY: '127.0.0.3/32' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  });
  afterAll(() => t.close());

  it('accepts the header from 127.0.0.1 (inside 127.0.0.1/32)', async () => {
    const res = await sync('127.0.0.1', 'trusted@example.test');
    expect(res.status).toBe(200);
    expect(await exists('trusted@example.test')).toBe(true);
  });

  it('refuses it from 127.0.0.2 with 403 saying why, and writes nothing', async () => {
    const res = await sync('127.0.0.2', 'untrusted@example.test');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/not accepted from this network/);
    expect(await exists('untrusted@example.test')).toBe(false);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const res = await sync('127.0.0.2', 'forged@example.test', { 'x-forwarded-for': '127.0.0.1' });
    expect(res.status).toBe(403);
    expect(await exists('forged@example.test')).toBe(false);
  });

  it('believes X-Forwarded-For from a TRUST_PROXY peer: trusted client accepted, untrusted client refused', async () => {
    const ok = await sync('127.0.0.3', 'proxied@example.test', { 'x-forwarded-for': '127.0.0.1' });
    expect(ok.status).toBe(200);
    const refused = await sync('127.0.0.3', 'proxied-outside@example.test', { 'x-forwarded-for': '203.0.113.9' });
    expect(refused.status).toBe(403);
    expect(await exists('proxied-outside@example.test')).toBe(false);
  });
});
