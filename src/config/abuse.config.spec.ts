import { abuseConfig } from './abuse.config';
import { redisConfig } from './redis.config';

describe('abuse and redis configuration', () => {
  const saved = { ...process.env };
  const NAMES = ['LOCKOUT_THRESHOLD', 'LOCKOUT_WINDOW', 'LOCKOUT_DURATION', 'LOCKOUT_MEMORY_MAX_KEYS', 'LOGIN_RATE_LIMIT_IP', 'LOGIN_RATE_LIMIT_ACCOUNT', 'LOGIN_RATE_LIMIT_WINDOW', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'DEVICE_TOKEN_SECRET', 'DEVICE_TOKEN_SECRET_FILE', 'DEVICE_TOKEN_TTL', 'JWT_KEYS_DIR'];
  beforeEach(() => NAMES.forEach((n) => delete process.env[n]));
  afterEach(() => {
    process.env = { ...saved };
  });

  it('defaults to 10 failures in 15 minutes locking for 15 minutes, memory state', () => {
    expect(abuseConfig()).toEqual({
      lockout: { threshold: 10, windowMs: 900_000, durationMs: 900_000, memoryMaxKeys: 100_000 },
      rateLimit: { perIp: 30, perAccount: 5, windowMs: 60_000 },
      devices: { secret: null, secretFile: null, keysDir: './data/keys', ttlMs: 365 * 86_400_000 },
    });
    expect(redisConfig()).toEqual({ url: null, keyPrefix: 'gatehouse:' });
  });

  it('reads durations as seconds or with a unit', () => {
    Object.assign(process.env, { LOCKOUT_WINDOW: '600', LOCKOUT_DURATION: '1h', LOGIN_RATE_LIMIT_WINDOW: '30s' });
    expect(abuseConfig()).toMatchObject({ lockout: { windowMs: 600_000, durationMs: 3_600_000 }, rateLimit: { windowMs: 30_000 } });
  });

  it('reads the cap on in-memory failure counts', () => {
    process.env.LOCKOUT_MEMORY_MAX_KEYS = '5000';
    expect(abuseConfig().lockout.memoryMaxKeys).toBe(5000);
  });

  it('reads the device credential settings, and refuses two sources of the secret', () => {
    Object.assign(process.env, { DEVICE_TOKEN_SECRET: 's'.repeat(32), DEVICE_TOKEN_TTL: '90d', JWT_KEYS_DIR: '/var/lib/gatehouse/keys' });
    expect(abuseConfig().devices).toEqual({ secret: 's'.repeat(32), secretFile: null, keysDir: '/var/lib/gatehouse/keys', ttlMs: 90 * 86_400_000 });
    process.env.DEVICE_TOKEN_SECRET_FILE = '/run/secrets/device';
    expect(() => abuseConfig()).toThrow('DEVICE_TOKEN_SECRET, DEVICE_TOKEN_SECRET_FILE: set only one of them');
  });

  it.each([
    ['DEVICE_TOKEN_SECRET', 'too-short-to-be-a-key', abuseConfig],
    ['DEVICE_TOKEN_TTL', 'forever', abuseConfig],
    ['LOCKOUT_THRESHOLD', '0', abuseConfig],
    ['LOCKOUT_MEMORY_MAX_KEYS', '10', abuseConfig],
    ['LOCKOUT_THRESHOLD', 'ten', abuseConfig],
    ['LOCKOUT_DURATION', '15 minutes', abuseConfig],
    ['LOCKOUT_WINDOW', '-1', abuseConfig],
    ['LOGIN_RATE_LIMIT_IP', '0', abuseConfig],
    ['LOGIN_RATE_LIMIT_WINDOW', '1w', abuseConfig],
    ['REDIS_URL', 'http://127.0.0.1:6379', redisConfig],
    ['REDIS_KEY_PREFIX', 'has space', redisConfig],
  ])('refuses %s=%s with a message naming the variable', (name, value, factory) => {
    process.env[name] = value;
    expect(() => (factory as () => unknown)()).toThrow(new RegExp(`  ${name}: `));
  });
});
