import { HasHttp } from './test-app';

/** The browser client of the SPA tests (AUTH_CLIENTS entry `spa-app::browser`), and the origin its page runs at. */
export const SPA_CLIENT = { clientId: 'spa-app' };
export const SPA_ORIGIN = 'http://localhost:5173';
export const BROWSER_CLIENT_ENV = {
  AUTH_CLIENTS: 'client-app-id:client-app-secret,spa-app::browser',
  CORS_ORIGINS: SPA_ORIGIN,
};

/** What a browser's fetch from the SPA adds: the CSRF header, and its Origin. */
export const FROM_SPA = { 'x-requested-with': 'fetch', origin: SPA_ORIGIN };

type Headers = Record<string, string | string[] | undefined>;

/** A cookie a response sets: its value and attributes (lower-cased names), or null when it sets none of that name. */
export function setCookie(res: { headers: Headers }, name: string): { value: string; attributes: string[] } | null {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const line = lines.find((c) => c.startsWith(`${name}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice(name.length + 1), attributes };
}

/** POST /api/auth/login with type refresh_token and no token in the body: the browser client's cookie is read. */
export function cookieRefresh(t: HasHttp, cookie: string | null, headers: Record<string, string> = FROM_SPA) {
  const req = t.http().post('/api/auth/login').set(headers);
  if (cookie !== null) void req.set('cookie', cookie);
  return req.send({ type: 'refresh_token', ...SPA_CLIENT });
}

/** POST /api/auth/logout with no body token: the browser client's cookie is read. */
export function cookieLogout(t: HasHttp, cookie: string | null, headers: Record<string, string> = FROM_SPA) {
  const req = t.http().post('/api/auth/logout').set(headers);
  if (cookie !== null) void req.set('cookie', cookie);
  return req.send({});
}
