import { DEFAULT_GOOGLE_JWKS_URI, googleConfig, isSafeJwksUri } from './google.config';

describe('googleConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  const load = (env: Record<string, string | undefined>) => {
    process.env = { ...saved, GOOGLE_CLIENT_IDS: undefined, GOOGLE_JWKS_URI: undefined, GOOGLE_JWKS_COOLDOWN_SECONDS: undefined };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    return googleConfig();
  };

  it('is switched off (no client ids) and points at Google by default', () => {
    expect(load({})).toEqual({ clientIds: [], jwksUri: DEFAULT_GOOGLE_JWKS_URI, jwksCooldownMs: 30_000 });
    expect(load({ GOOGLE_CLIENT_IDS: '' }).clientIds).toEqual([]);
  });

  it('splits and trims the client id list', () => {
    expect(load({ GOOGLE_CLIENT_IDS: ' a.apps.googleusercontent.com , b-2.apps.googleusercontent.com' }).clientIds).toEqual([
      'a.apps.googleusercontent.com',
      'b-2.apps.googleusercontent.com',
    ]);
  });

  it.each([
    ['GOOGLE_CLIENT_IDS', 'a b'],
    ['GOOGLE_CLIENT_IDS', 'a,,b'],
    ['GOOGLE_JWKS_URI', 'not a url'],
    ['GOOGLE_JWKS_URI', 'http://keys.example.com/certs'],
    ['GOOGLE_JWKS_COOLDOWN_SECONDS', '-1'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(new RegExp(`  ${name}: `));
  });

  it('accepts https anywhere and http to loopback only', () => {
    expect(isSafeJwksUri('https://www.googleapis.com/oauth2/v3/certs')).toBe(true);
    expect(isSafeJwksUri('http://127.0.0.1:4000/oauth2/v3/certs')).toBe(true);
    expect(isSafeJwksUri('http://localhost:4000/certs')).toBe(true);
    expect(isSafeJwksUri('http://10.0.0.1/certs')).toBe(false);
    expect(isSafeJwksUri('ftp://127.0.0.1/certs')).toBe(false);
  });
});
