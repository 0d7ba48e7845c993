import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { describeEachDatabase } from './support/databases';
import { inject } from './support/inject';
import { printedRoutes } from './support/registered-routes';
import { LockoutService } from '../src/lockout/lockout.service';
import { CLIENT, SYSTEM_CTX } from './support/seed';
import { loginToken } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { syncUser } from './support/users';

/** Requests per database: enough to reach every route many times, bounded so the run stays well under a minute. */
const RUNS = 5000;
const RUN_TIMEOUT_MS = 180_000;

/** A route as Fastify serves it (every method, HEAD and OPTIONS included: those are fuzzed too). */
type RouteInfo = { method: string; path: string };

interface UserRow {
  id: string;
  email: string;
  updatedAt: unknown;
  passwordHash: string | null;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/xml', 'application/octet-stream',
  '', 'application/json, text/plain', 'APPLICATION/JSON', '*/*', 'application/vnd.api+json',
];
const NASTY_STRINGS = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', '\u0000', '%00', '../../etc/passwd', "' OR 1=1 --", '{{7*7}}', '$where', 'é'.repeat(40), '😀'.repeat(20)];

/** Bodies: random JSON, login- and sync-shaped objects with random values, raw text, prototype-poisoning text. */
function bodies(): fc.Arbitrary<string | undefined> {
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...NASTY_STRINGS));
  const loginShaped = fc.record(
    {
      type: fc.oneof(fc.constantFrom('password', 'mfa'), anything),
      clientId: fc.oneof(fc.constant(CLIENT.clientId), fc.constant('spa-app'), anything),
      clientSecret: fc.oneof(fc.constant(CLIENT.clientSecret), anything),
      withPassword: fc.oneof(fc.record({ emailOrUsername: anything, password: anything }, { requiredKeys: [] }), anything),
      withMfa: fc.oneof(fc.record({ mfaToken: anything, code: fc.oneof(fc.stringMatching(/^\d{6}$/), anything) }, { requiredKeys: [] }), anything),
    },
    { requiredKeys: [] },
  );
  const syncShaped = fc.record(
    {
      email: fc.oneof({ weight: 3, arbitrary: fc.emailAddress() }, anything),
      username: fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{1,20}$/), anything),
      password: fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 8, maxLength: 80 }) }, anything),
      roles: fc.oneof(fc.constant(['admin']), anything),
      isActive: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, anything),
      name: fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 60 }) }, anything),
      birthday: fc.oneof({ weight: 3, arbitrary: fc.constant('1990-04-01') }, anything),
    },
    { requiredKeys: [] },
  );
  // Valid sync bodies too: with a valid x-user-ctx they create users, which the database check must account for.
  const validSync = fc.record({ email: fc.stringMatching(/^[a-z]{1,10}@[a-z]{1,10}\.test$/), password: fc.string({ minLength: 8, maxLength: 40 }) });
  const validLogin = fc.record({
    type: fc.constant('password'),
    clientId: fc.constant(CLIENT.clientId),
    clientSecret: fc.constant(CLIENT.clientSecret),
    withPassword: fc.record({ emailOrUsername: fc.constantFrom('fuzz-user@example.test', 'fuzz-user', 'nobody@example.test'), password: fc.string({ minLength: 1, maxLength: 40 }) }),
  });
  const json = fc.oneof(anything, loginShaped, syncShaped, validSync, validLogin, fc.dictionary(fc.constantFrom(...NASTY_STRINGS, 'email', 'a', 'mfaToken', 'code', 'password'), anything)).map((v) => JSON.stringify(v));
  const raw = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{"__proto__":{"a":1}}', '{"constructor":{"prototype":{"a":1}}}', '{"a":', '[', 'null', '{"email":"x@y.z"}{"x":1}', 'a=1&__proto__[b]=2', '\uFEFF{}'),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  return fc.option(fc.oneof({ weight: 3, arbitrary: json }, { weight: 1, arbitrary: raw }), { nil: undefined });
}

/** Stands for the fuzz user's current access token in a generated header (a logout-all replaces the token). */
const USER_TOKEN = '{fuzz-user-token}';

function headers(): fc.Arbitrary<Record<string, string>> {
  const junk = fc.string({ maxLength: 100 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
  return fc.record(
    {
      // JSON most of the time, so most requests get past the parser and reach guards, pipes and services.
      'content-type': fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
      authorization: fc.oneof(junk, junk.map((s) => `Bearer ${s}`), fc.constant(`Bearer ${USER_TOKEN}`), fc.constant(`Bearer ${USER_TOKEN}x`), fc.constant('Basic YTpi')),
      'x-user-ctx': fc.oneof({ weight: 3, arbitrary: fc.constant(SYSTEM_CTX) }, junk, fc.base64String({ maxLength: 80 }), fc.constant('{"id":"__system"}'), fc.constant('{"id":"__proto__","user":{}}')),
      'x-request-id': junk,
      origin: fc.oneof(junk, fc.constant('https://evil.example')),
      'access-control-request-method': fc.constantFrom(...METHODS),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', junk as unknown as string),
    },
    { requiredKeys: ['content-type'] },
  );
}

function queries(): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...NASTY_STRINGS, '__proto__[x]', 'constructor[prototype][x]', 'a[]', 'url'), fc.string({ maxLength: 10 }));
  const pair = fc.tuple(key, fc.string({ maxLength: 20 })).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return fc.oneof(
    fc.constant(''),
    fc.array(pair, { maxLength: 4 }).map((p) => `?${p.join('&')}`),
    fc.constantFrom('?%', '?%E0%A4%A', '?a=%ZZ', '?&&&', '?a=1&a=2&a=3', `?${'x'.repeat(2000)}`),
  );
}

/** A concrete path for a route: parameters and wildcards filled with random text; sometimes a path that is no route. */
function paths(routes: RouteInfo[]): fc.Arbitrary<{ method: string; path: string }> {
  const segment = fc.oneof(fc.constantFrom(...NASTY_STRINGS.filter(Boolean)), fc.string({ minLength: 1, maxLength: 12 })).map(encodeURIComponent);
  const known = fc.tuple(fc.constantFrom(...routes), segment, fc.constantFrom(...METHODS), fc.integer({ min: 0, max: 3 })).map(([r, s, other, pick]) => ({
    method: pick === 0 ? other : r.method,
    path: r.path.replace(/:[^/]+|\*/g, s),
  }));
  const unknown = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom(...METHODS)).map(([s, method]) => ({ method, path: `/${s.join('/')}` }));
  return fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: unknown });
}

/**
 * Random and malformed requests against every route the app serves: never a 5xx, always our error body on an
 * error, and the database holds only what requests that were answered 200 could have written.
 */
describeEachDatabase(`fuzzing every route (${RUNS} requests)`, (kind) => {
  let routes: RouteInfo[];
  const tokens = { user: '', userId: '' };
  const users = async (): Promise<Map<string, UserRow>> => {
    const rows = await sql<UserRow>(t, 'SELECT id, email, "updatedAt", "passwordHash" FROM users');
    return new Map(rows.map((r) => [r.id, r]));
  };

  const t = useTestApp(kind);
  beforeAll(async () => {
    tokens.userId = (await syncUser(t, { email: 'fuzz-user@example.test', username: 'fuzz-user', password: 'Fuzz-user-pw1' })).id as string;
    tokens.user = await loginToken(t, 'fuzz-user@example.test', 'Fuzz-user-pw1');
    routes = printedRoutes(t.app);
  });

  it('enumerated the application routes at run time', () => {
    expect(routes).toEqual(expect.arrayContaining([{ method: 'PUT', path: '/api/users' }, { method: 'POST', path: '/api/auth/login' }, { method: 'GET', path: '/api/users/me' }]));
  });

  it('answers no 5xx and writes nothing a refused request sent', async () => {
    const before = await users();
    const clientsBefore = await sql(t, 'SELECT id, "secretHash" FROM clients ORDER BY id');
    /**
     * Users that a write answered 200 returned (PUT /api/users, PATCH /api/users/me with the fuzz user's token, an
     * admin PATCH): the only rows that may change. Locks after wrong passwords change none of the columns compared.
     */
    const written = new Set<string>();
    /** "METHOD /first/segments status" → count: what the run reached (FUZZ_STATS=1 prints it). */
    const seen = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(paths(routes), queries(), headers(), bodies(), async ({ method, path }, query, generated, body) => {
        const hdrs = { ...generated, ...(generated.authorization ? { authorization: generated.authorization.replace(USER_TOKEN, tokens.user) } : {}) };
        const options: InjectOptions = { method: method as InjectOptions['method'], url: path + query, headers: hdrs, payload: body };
        const res = await inject(t, options);
        const key = `${method} ${path.split('/').slice(0, 3).join('/')} ${res.statusCode}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${JSON.stringify(options)}: ${res.body}`);
        if (res.statusCode >= 400 && method !== 'HEAD' && res.statusCode !== 404 && String(res.headers['content-type']).startsWith('application/json')) {
          expect(JSON.parse(res.body)).toMatchObject({ statusCode: res.statusCode, requestId: res.headers['x-request-id'] });
        }
        if (WRITES.has(method) && path.startsWith('/api/users') && res.statusCode === 200) written.add((JSON.parse(res.body) as { id: string }).id);
        // A logout everywhere with the fuzz user's token ended its sessions, as it should: sign in again (ending the
        // automatic lock the run's wrong passwords may have set, as the owner's password reset would), so the rest of
        // the run still reaches the routes behind a valid token.
        if (method === 'POST' && path === '/api/auth/logout-all' && res.statusCode === 204) {
          await t.app.get(LockoutService).endAutomaticLock(tokens.userId, {});
          tokens.user = await loginToken(t, 'fuzz-user@example.test', 'Fuzz-user-pw1');
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );

    if (process.env.FUZZ_STATS) console.log([...seen].sort().map(([k, v]) => `${k}: ${v}`).join('\n'), `\nusers written: ${written.size}`);
    const after = await users();
    for (const [id, row] of after) {
      const old = before.get(id);
      const unchanged = old && old.email === row.email && String(old.updatedAt) === String(row.updatedAt) && old.passwordHash === row.passwordHash;
      if (!unchanged) expect({ id, email: row.email, writtenBy200: written.has(id) }).toEqual({ id, email: row.email, writtenBy200: true });
    }
    for (const id of before.keys()) expect(after.has(id)).toBe(true);
    expect(await sql(t, 'SELECT id, "secretHash" FROM clients ORDER BY id')).toEqual(clientsBefore);
    // The run got past the parsers and guards: it reached the API routes' answers, not only 404s and 415s.
    const reached = [...seen.keys()];
    for (const answer of ['PUT /api/users 400', 'POST /api/auth 401', 'GET /api/users 200', 'GET /api/users 401']) {
      expect(reached).toContain(answer);
    }
    // 5,000 requests take about 25 s on an idle machine; three times that leaves room for a machine shared with other
    // test runs, where the default 60 s was seen to run out.
  }, RUN_TIMEOUT_MS);
});
