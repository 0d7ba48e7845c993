import { httpFrom, RawResponse } from './http-from';
import { CLIENT, passwordLogin, refreshBody } from './seed';

/** The device-credential cookie a successful sign-in sets. */
export const DEVICE_COOKIE = 'gatehouse_device';

type Headers = Record<string, string | string[] | undefined>;

/** The `gatehouse_device` cookie a response sets (its value and attributes), or null when it sets none. */
export function deviceCookie(res: { headers: Headers }): { value: string; attributes: string[] } | null {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const line = lines.find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice(DEVICE_COOKIE.length + 1), attributes };
}

/** How a client hands a device credential back: the cookie a browser returns, or the X-Device-Token header. */
export const asCookie = (token: string): Record<string, string> => ({ cookie: `${DEVICE_COOKIE}=${token}` });
export const asHeader = (token: string): Record<string, string> => ({ 'x-device-token': token });

/**
 * A client at one loopback address (any 127.0.0.0/8 address is the TCP peer the server sees), talking to the
 * Gatehouse at `base` over real sockets: the owner at 127.0.0.1, attackers at 127.0.0.2 and up.
 */
export function clientAt(base: string, address: string) {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> =>
    httpFrom(address, `${base}${path}`, { method: 'POST', body, headers });
  return {
    /** POST /api/auth/login with a password. */
    login: (who: string, password: string, headers: Record<string, string> = {}) => post('/api/auth/login', passwordLogin(who, password), headers),
    /** The Orion POST /users/login (JSON body). */
    orionLogin: (email: string, password: string, headers: Record<string, string> = {}) => post('/users/login', { email, password }, headers),
    refresh: (refreshToken: string) => post('/api/auth/login', refreshBody(refreshToken, CLIENT)),
    me: (accessToken: string) => httpFrom(address, `${base}/api/users/me`, { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } }),
    post,
  };
}

export type Client = ReturnType<typeof clientAt>;

/** `count` clients at 127.0.0.<first>, 127.0.0.<first + 1>, …: an attacker spreading requests over addresses. */
export function clientsAt(base: string, first: number, count: number): Client[] {
  return Array.from({ length: count }, (_, i) => clientAt(base, `127.0.0.${first + i}`));
}
