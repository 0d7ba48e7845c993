import { cookieRequestRefusal } from './cookie-request-check';
import { clearedRefreshCookieHeader, refreshCookieHeader, refreshCookieSettings } from './refresh-cookie';

describe('the refresh cookie of a browser client', () => {
  it('over http (development): plain name, scoped to the auth routes, not Secure', () => {
    const settings = refreshCookieSettings('http://localhost:8080');
    expect(refreshCookieHeader(settings, 'tok', 120)).toBe('gatehouse_refresh=tok; Path=/api/auth; Max-Age=120; HttpOnly; SameSite=Strict');
  });

  it('over https: the __Host- prefix, Secure and Path=/ (which the prefix requires)', () => {
    const settings = refreshCookieSettings('https://auth.example.com');
    expect(refreshCookieHeader(settings, 'tok', 60)).toBe('__Host-gatehouse_refresh=tok; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure');
  });

  it('is cleared with the same name, path and flags, and Max-Age=0', () => {
    expect(clearedRefreshCookieHeader(refreshCookieSettings('https://auth.example.com'))).toBe(
      '__Host-gatehouse_refresh=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('never has a negative Max-Age (a session already over)', () => {
    expect(refreshCookieHeader(refreshCookieSettings('http://localhost'), 't', -5)).toContain('Max-Age=0;');
  });
});

describe('the CSRF check of a request that uses the refresh cookie', () => {
  const allowed = ['http://localhost:5173'];

  it('lets through X-Requested-With with an allowed Origin, or with none', () => {
    expect(cookieRequestRefusal({ 'x-requested-with': 'fetch', origin: 'http://localhost:5173' }, allowed)).toBeNull();
    expect(cookieRequestRefusal({ 'x-requested-with': 'XMLHttpRequest' }, allowed)).toBeNull();
  });

  it.each([
    ['no X-Requested-With', { origin: 'http://localhost:5173' }, /X-Requested-With/],
    ['a blank one', { 'x-requested-with': '  ' }, /X-Requested-With/],
    ['an Origin not listed', { 'x-requested-with': 'fetch', origin: 'http://evil.localhost:5173' }, /CORS_ORIGINS/],
    ['the literal null Origin', { 'x-requested-with': 'fetch', origin: 'null' }, /CORS_ORIGINS/],
  ])('refuses %s with 403 csrf_check_failed', (_, headers, message) => {
    const refusal = cookieRequestRefusal(headers, allowed);
    expect(refusal?.getStatus()).toBe(403);
    expect(refusal?.code).toBe('csrf_check_failed');
    expect(refusal?.message).toMatch(message);
  });
});
