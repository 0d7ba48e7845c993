import { SQLITE } from './support/databases';
import { httpFrom } from './support/http-from';
import { SYSTEM_CTX } from './support/seed';
import { sql } from './support/sql';
import { listen, useTestApp } from './support/test-app';

/** The network rule, proven with real sockets bound to different loopback addresses. */
describe('x-user-ctx is honoured only from trusted networks', () => {
  let base: string;
  const sync = (from: string, email: string, headers: Record<string, string> = {}) =>
    httpFrom(from, `${base}/api/users`, { method: 'PUT', headers: { 'x-user-ctx': SYSTEM_CTX, ...headers }, body: { email } });
  const exists = async (email: string) => (await sql(t, 'SELECT id FROM users WHERE email = ?', [email])).length === 1;

  const t = useTestApp(SQLITE, { TRUSTED_NETWORKS: '127.0.0.1/32', TRUST_PROXY: '127.0.0.3/32' });
  beforeAll(async () => {
    base = await listen(t);
  });

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
