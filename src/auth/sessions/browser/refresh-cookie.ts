/** Where the refresh cookie of a browser client goes, derived from PUBLIC_URL once at start. */
export interface RefreshCookieSettings {
  name: string;
  path: string;
  secure: boolean;
}

export const REFRESH_COOKIE = 'gatehouse_refresh';
/** The routes that read the cookie: POST /api/auth/login (type refresh_token) and POST /api/auth/logout. */
export const AUTH_ROUTES_PATH = '/api/auth';

/**
 * Over https the cookie is `__Host-gatehouse_refresh`, Secure, Path=/; over plain http (local development) it is
 * `gatehouse_refresh`, Path=/api/auth, without Secure (a browser drops a Secure cookie set over http).
 *
 * Why Path=/ over https: the `__Host-` prefix requires it, and the prefix is worth more than the path. It makes the
 * browser refuse any such cookie that is not Secure, not set by this very host, or scoped to a Domain, so no
 * sibling subdomain and no plain-http page can plant a refresh cookie of its own (session fixation) or shadow ours.
 * A Path, by contrast, is no security boundary (RFC 6265 §8.5): it only keeps the cookie off requests to other
 * routes, and on this host every route is Gatehouse's own, none of which reads it but the auth routes. Over http,
 * where no prefix is possible, the path is the scoping we can have, so it is used.
 */
export function refreshCookieSettings(publicUrl: string): RefreshCookieSettings {
  const secure = new URL(publicUrl).protocol === 'https:';
  return secure ? { name: `__Host-${REFRESH_COOKIE}`, path: '/', secure } : { name: REFRESH_COOKIE, path: AUTH_ROUTES_PATH, secure };
}

/**
 * HttpOnly: no script, an injected one included, can read it (the IETF's "OAuth 2.0 for Browser-Based Applications":
 * the access token in memory, the refresh token out of JavaScript's reach). SameSite=Strict: never sent with a
 * request another site starts. Max-Age: the session's absolute end, so the browser forgets it when it is useless.
 */
export function refreshCookieHeader(settings: RefreshCookieSettings, token: string, maxAgeSeconds: number): string {
  return attributes(settings, `${settings.name}=${token}`, `Max-Age=${Math.max(0, maxAgeSeconds)}`);
}

/** The Set-Cookie that removes it (same name, path and flags, or the browser would keep the original). */
export function clearedRefreshCookieHeader(settings: RefreshCookieSettings): string {
  return attributes(settings, `${settings.name}=`, 'Max-Age=0');
}

function attributes(settings: RefreshCookieSettings, pair: string, maxAge: string): string {
  const parts = [pair, `Path=${settings.path}`, maxAge, 'HttpOnly', 'SameSite=Strict'];
  if (settings.secure) parts.push('Secure');
  return parts.join('; ');
}
