import { appConfig } from './app.config';
import { authConfig } from './auth.config';

describe('configuration of sessions, keys and the public URL', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has the documented defaults', () => {
    for (const k of ['REFRESH_TOKEN_TTL', 'REFRESH_REUSE_INTERVAL', 'PUBLIC_URL', 'PORT', 'JWT_PRIVATE_KEYS']) delete process.env[k];
    expect(authConfig()).toMatchObject({ refreshTokenTtlSeconds: 2_592_000, refreshReuseIntervalSeconds: 10, privateKeyFiles: [] });
    expect(appConfig().publicUrl).toBe('http://localhost:8080');
  });

  it('reads PUBLIC_URL without a trailing slash, and JWT_PRIVATE_KEYS as a list', () => {
    Object.assign(process.env, { PUBLIC_URL: 'https://auth.example.com/', JWT_PRIVATE_KEYS: '/k/new.pem, /k/old.pem' });
    delete process.env.JWT_PRIVATE_KEY_FILE;
    delete process.env.JWT_PRIVATE_KEY;
    expect(appConfig().publicUrl).toBe('https://auth.example.com');
    expect(authConfig().privateKeyFiles).toEqual(['/k/new.pem', '/k/old.pem']);
  });

  it.each([
    ['REFRESH_TOKEN_TTL', '10', authConfig],
    ['REFRESH_TOKEN_TTL', 'month', authConfig],
    ['REFRESH_REUSE_INTERVAL', '-1', authConfig],
    ['REFRESH_REUSE_INTERVAL', '3600', authConfig],
    ['PUBLIC_URL', 'auth.example.com', appConfig],
    ['PUBLIC_URL', 'ftp://auth.example.com', appConfig],
  ])('refuses %s=%s with a message naming the variable', (name, value, factory) => {
    process.env[name] = value;
    expect(() => (factory as () => unknown)()).toThrow(new RegExp(`  ${name}: `));
  });

  it('refuses two key sources at once', () => {
    Object.assign(process.env, { JWT_PRIVATE_KEY_FILE: '/k/a.pem', JWT_PRIVATE_KEYS: '/k/b.pem' });
    expect(() => authConfig()).toThrow(/JWT_PRIVATE_KEY_FILE, JWT_PRIVATE_KEYS/);
  });
});
