import type { InjectOptions } from 'fastify';
import { UserSyncService } from '../src/users/user-sync.service';
import { describeEachDatabase } from './support/databases';
import { inject as injectInto } from './support/inject';
import { SYSTEM_CTX } from './support/seed';
import { count } from './support/sql';
import { useTestApp } from './support/test-app';
import { putUser, syncUser } from './support/users';

const SPA = 'https://spa.example.test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEachDatabase('HTTP hygiene', (kind) => {
  const inject = (opts: InjectOptions) => injectInto(t, opts);
  const userCount = () => count(t, 'SELECT COUNT(*) AS n FROM users');

  const t = useTestApp(kind, { CORS_ORIGINS: `${SPA},http://localhost:5173`, BODY_LIMIT: '4096', PASSWORD_MIN_LENGTH: '12' });

  describe('security headers', () => {
    it('puts helmet headers and the strict API policy on API responses, errors included', async () => {
      for (const url of ['/api/users/me', '/health/live', '/no-such-route']) {
        const res = await inject({ method: 'GET', url });
        expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('gives /docs a policy that allows its own scripts and inline styles, and no inline script', async () => {
      const res = await inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      // Every script of the page is a file under /docs, so 'self' covers them.
      const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, inline] of scripts) {
        expect(attrs).toMatch(/src="\.\/docs\//);
        expect(inline.trim()).toBe('');
        const src = /src="\.\/docs\/([^"]+)"/.exec(attrs)![1];
        const asset = await inject({ method: 'GET', url: `/docs/${src}` });
        expect(asset.statusCode).toBe(200);
        expect(asset.body.length).toBeGreaterThan(0);
      }
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

    it('answers a listed origin with its own origin and credentials', async () => {
      const res = await preflight(SPA);
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(SPA);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      const get = await inject({ method: 'GET', url: '/health/live', headers: { origin: 'http://localhost:5173' } });
      expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    });

    it('gives an unlisted origin no allow-origin and no allow-credentials header, preflight or not', async () => {
      for (const res of [await preflight('https://evil.example.test'), await inject({ method: 'GET', url: '/health/live', headers: { origin: 'null' } })]) {
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });
  });

  describe('bodies', () => {
    it('refuses a body over BODY_LIMIT with 413 and our error body', async () => {
      const res = await inject({ method: 'PUT', url: '/api/users', headers: { 'content-type': 'application/json', 'x-user-ctx': SYSTEM_CTX }, payload: JSON.stringify({ email: 'big@example.test', name: 'x'.repeat(5000) }) });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large', requestId: res.headers['x-request-id'] });
    });

    it.each([
      ['{"__proto__": {"isAdmin": true}, "email": "proto@example.test"}'],
      ['{"email": "ctor@example.test", "constructor": {"prototype": {"isAdmin": true}}}'],
      ['{"email": "nested@example.test", "name": {"__proto__": {"x": 1}}}'],
    ])('refuses a JSON body with a prototype key (%s) with 400 and writes nothing', async (payload) => {
      const before = await userCount();
      const res = await inject({ method: 'PUT', url: '/api/users', headers: { 'content-type': 'application/json', 'x-user-ctx': SYSTEM_CTX }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_request');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['application/x-www-form-urlencoded', 'email=form%40example.test&__proto__%5BisAdmin%5D=true'],
      ['text/plain', '{"email":"text@example.test"}'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--x--'],
      ['application/xml', '<user/>'],
    ])('answers 415 to a %s body, never 500', async (type, payload) => {
      const res = await inject({ method: 'PUT', url: '/api/users', headers: { 'content-type': type, 'x-user-ctx': SYSTEM_CTX }, payload });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'unsupported_media_type', requestId: expect.stringMatching(UUID) });
    });

    it('reads forms only on the Orion routes, refusing prototype keys there with 400', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const poisoned = await inject({ method: 'POST', url: '/users/login', headers: form, payload: 'email=a%40b.test&password=x&__proto__%5BisAdmin%5D=1' });
      expect(poisoned.statusCode).toBe(400);
      expect(poisoned.json().fields).toEqual([expect.objectContaining({ field: '__proto__[isAdmin]' })]);
      const constructorKey = await inject({ method: 'POST', url: '/users/login', headers: form, payload: 'email=a%40b.test&password=x&constructor.prototype.x=1' });
      expect(constructorKey.statusCode).toBe(400);
      const plain = await inject({ method: 'POST', url: '/users/login', headers: form, payload: 'email=nobody%40b.test&password=whatever-pw' });
      expect(plain.statusCode).toBe(401);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it.each([['{"email":'], [''], ['null'], ['"a string"'], ['[1,2]'], ['42']])('answers 400 to the JSON body %j', async (payload) => {
      const res = await inject({ method: 'PUT', url: '/api/users', headers: { 'content-type': 'application/json', 'x-user-ctx': SYSTEM_CTX }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().requestId).toMatch(UUID);
    });
  });

  describe('passwords', () => {
    it('applies PASSWORD_MIN_LENGTH (12 here) and names it in the error', async () => {
      const short = await putUser(t, { email: 'short@example.test', password: 'elevenchars' });
      expect(short.status).toBe(400);
      expect(short.body.fields).toEqual([{ field: 'password', reason: 'must be at least 12 characters' }]);
      await expect(syncUser(t, { email: 'long@example.test', password: 'twelve-chars' })).resolves.toMatchObject({ email: 'long@example.test' });
    });

    it('refuses a password over 72 bytes of UTF-8 even when it has fewer than 72 characters', async () => {
      const res = await putUser(t, { email: 'utf8@example.test', password: 'é'.repeat(37) });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'password', reason: 'must be at most 72 bytes of UTF-8' }]);
    });
  });

  describe('errors and request ids', () => {
    it('puts the request id in the body and the x-request-id header, a fresh one per request', async () => {
      const a = await inject({ method: 'GET', url: '/api/users/me' });
      const b = await inject({ method: 'GET', url: '/api/users/me' });
      expect(a.json().requestId).toMatch(UUID);
      expect(a.headers['x-request-id']).toBe(a.json().requestId);
      expect(b.json().requestId).not.toBe(a.json().requestId);
    });

    it('ignores an x-request-id sent by a client that is not a trusted proxy', async () => {
      const res = await inject({ method: 'GET', url: '/api/users/me', headers: { 'x-request-id': 'client-chosen-id-123' } });
      expect(res.json().requestId).toMatch(UUID);
    });

    it('turns an unexpected error into a plain 500: no message, no stack trace', async () => {
      const spy = jest.spyOn(t.app.get(UserSyncService), 'sync').mockRejectedValueOnce(new Error('internal detail: select * from users'));
      try {
        const res = await inject({ method: 'PUT', url: '/api/users', headers: { 'content-type': 'application/json', 'x-user-ctx': SYSTEM_CTX }, payload: '{"email":"boom@example.test"}' });
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'Internal server error', requestId: res.headers['x-request-id'] });
        expect(res.body).not.toMatch(/internal detail|\.ts:\d+|\bat /);
      } finally {
        spy.mockRestore();
      }
    });
  });
});

describeEachDatabase('request ids from a trusted proxy', (kind) => {
  const t = useTestApp(kind, { TRUST_PROXY: '127.0.0.1/32' });
  const me = (id: string) => injectInto(t, { method: 'GET', url: '/api/users/me', headers: { 'x-request-id': id } });

  it('keeps a well-formed x-request-id from a TRUST_PROXY peer, and replaces a malformed one', async () => {
    expect((await me('gateway-7f3a9c21')).json().requestId).toBe('gateway-7f3a9c21');
    const bad = await me('bad id\twith "quotes" and spaces');
    expect(bad.json().requestId).toMatch(UUID);
    expect((await me('short')).json().requestId).toMatch(UUID);
  });
});
