import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';
import { ConfigError, Env } from './validate-env';

/** Every variable the namespaces read (checked against their sources below, so a new one cannot be left out). */
const VARIABLES = [
  'ACCESS_TOKEN_CACHE_SIZE', 'ACCESS_TOKEN_TTL', 'AUTH_CLIENTS', 'BCRYPT_COST', 'BODY_LIMIT', 'BOOTSTRAP_ADMIN_EMAIL',
  'BOOTSTRAP_ADMIN_PASSWORD', 'BOOTSTRAP_ADMIN_PASSWORD_FILE', 'CORS_ORIGINS',
  'DATABASE_CONNECT_TIMEOUT', 'DATABASE_URL', 'DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY_FILE', 'DEVICE_TOKEN_SECRET', 'DEVICE_TOKEN_SECRET_FILE', 'DEVICE_TOKEN_TTL', 'GOOGLE_CLIENT_IDS', 'GOOGLE_JWKS_COOLDOWN_SECONDS', 'GOOGLE_JWKS_URI', 'HASH_THREAD_NICE',
  'HOST', 'IMPORT_BATCH_SIZE', 'IMPORT_MAX_BODY', 'IMPORT_PARALLEL_BATCHES', 'JWT_DEFAULT_AUDIENCE', 'JWT_ISSUER', 'JWT_KEYS_DIR', 'JWT_PRIVATE_KEY', 'JWT_PRIVATE_KEYS',
  'JWT_PRIVATE_KEY_FILE', 'LOCKOUT_DURATION', 'LOCKOUT_MEMORY_MAX_KEYS', 'LOCKOUT_THRESHOLD', 'LOCKOUT_WINDOW', 'LOGIN_RATE_LIMIT_ACCOUNT',
  'LOGIN_RATE_LIMIT_IP', 'LOGIN_RATE_LIMIT_WINDOW', 'LOG_LEVEL', 'METRICS_NETWORKS', 'METRICS_TOKEN', 'MFA_CHALLENGE_TTL', 'PASSWORD_HASHER', 'PASSWORD_HASHER_THREADS',
  'PASSWORD_MIN_LENGTH', 'PORT', 'SHUTDOWN_DRAIN_DELAY', 'PUBLIC_URL', 'REDIS_KEY_PREFIX', 'REDIS_URL', 'REFRESH_REUSE_INTERVAL',
  'REFRESH_TOKEN_TTL', 'SYSTEM_CONTEXT_SECRET', 'TOTP_ISSUER', 'TRUSTED_NETWORKS', 'TRUST_PROXY', 'USER_CACHE_TTL_MS',
  'APP_URL', 'EMAIL_VERIFICATION_INTERVAL', 'EMAIL_VERIFICATION_TTL', 'MAIL_FROM', 'MAIL_OUTBOX_DIR', 'MAIL_RETRY_DELAY',
  'PASSWORD_RESET_INTERVAL', 'PASSWORD_RESET_TTL', 'SELF_SERVICE_RATE_LIMIT_IP', 'SELF_SERVICE_RATE_LIMIT_WINDOW',
  'SIGNUP_ENABLED', 'SIGNUP_REQUIRE_VERIFIED_EMAIL', 'SMTP_URL', 'SQLITE_SYNCHRONOUS',
];

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-config-'));
/** A keys directory of its own, so a developer's ./data/keys plays no part. */
const BASE: Env = { JWT_KEYS_DIR: join(dir, 'keys') };
const load = (env: Env, envFile: string | null = null) => loadConfig({ ...BASE, ...env }, { envFile });

function problemsOf(env: Env): { message: string; problems: string[] } {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return { message: e.message, problems: e.problems };
    throw e;
  }
  throw new Error('the configuration was accepted');
}

const pem = (type: 'rsa' | 'ec', bits = 2048) =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: bits })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  ).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

describe('loadConfig: variables and defaults', () => {
  it('lists every variable the namespaces read', () => {
    const declared = readdirSync(__dirname)
      .filter((f) => f.endsWith('.config.ts'))
      .flatMap((f) => [...readFileSync(join(__dirname, f), 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+)\?:/gm)].map((m) => m[1]));
    expect([...new Set(declared)].sort()).toEqual([...VARIABLES].sort());
  });

  it('gives every namespace its defaults when nothing is set', () => {
    const config = load({});
    expect(Object.keys(config).sort()).toEqual([
      'abuse', 'app', 'auth', 'bootstrap', 'database', 'encryption', 'google', 'http', 'mail', 'metrics', 'mfa', 'passwords', 'redis', 'selfService', 'userImport',
    ]);
    expect(config.mfa).toEqual({ totpIssuer: 'Gatehouse', challengeTtlMs: 300_000 });
    expect(config.encryption).toEqual({ keys: [], keysDir: join(dir, 'keys') });
    expect(config.userImport).toEqual({ maxBody: 32 * 1024 * 1024, batchSize: 500, parallelBatches: 2 });
    expect(config.metrics).toEqual({ networks: null, token: null });
    expect(config.bootstrap).toEqual({ admin: null });
    expect(config.app).toMatchObject({ port: 8080, host: '0.0.0.0', trustProxy: [] });
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/gatehouse.sqlite', connectTimeoutMs: 60_000, sqliteSynchronous: 'full' });
    expect(config.auth).toMatchObject({ issuer: 'gatehouse', clients: [] });
    expect(config.redis).toEqual({ url: null, keyPrefix: 'gatehouse:' });
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Gatehouse <no-reply@localhost>', appUrl: 'http://localhost:5173', outboxDir: './data/outbox', retryDelayMs: 10_000 });
    expect(config.selfService).toEqual({
      passwordReset: { ttlMs: 30 * 60_000, intervalMs: 60_000 },
      emailVerification: { ttlMs: 24 * 3_600_000, intervalMs: 60_000 },
      signUp: { enabled: false, requireVerifiedEmail: true },
      rateLimit: { perIp: 10, windowMs: 15 * 60_000 },
    });
  });

  it('reads the sign-up flags as true or false, any case, and APP_URL without its trailing slash', () => {
    const config = load({ SIGNUP_ENABLED: 'TRUE', SIGNUP_REQUIRE_VERIFIED_EMAIL: 'false', APP_URL: 'https://app.example.com/' });
    expect(config.selfService.signUp).toEqual({ enabled: true, requireVerifiedEmail: false });
    expect(config.mail.appUrl).toBe('https://app.example.com');
    expect(problemsOf({ SIGNUP_ENABLED: 'yes' }).problems).toEqual(['SIGNUP_ENABLED: must be true or false']);
  });

  it.each(VARIABLES.filter((v) => v !== 'JWT_ISSUER'))('reads %s= (empty or blank) as unset', (name) => {
    const unset: Env = { ...BASE, [name]: undefined };
    const defaults = loadConfig(unset, { envFile: null });
    expect(loadConfig({ ...unset, [name]: '' }, { envFile: null })).toEqual(defaults);
    expect(loadConfig({ ...unset, [name]: '  ' }, { envFile: null })).toEqual(defaults);
  });

  it('reads DATABASE_CONNECT_TIMEOUT as a duration', () => {
    expect(load({ DATABASE_CONNECT_TIMEOUT: '5s' }).database.connectTimeoutMs).toBe(5000);
    expect(load({ DATABASE_CONNECT_TIMEOUT: '90' }).database.connectTimeoutMs).toBe(90_000);
  });
});

describe('loadConfig: problems', () => {
  it('refuses an empty JWT_ISSUER: an empty issuer is a misconfiguration, not a default', () => {
    expect(problemsOf({ JWT_ISSUER: '' }).problems).toEqual(['JWT_ISSUER: must not be empty (unset it for the default, gatehouse)']);
    expect(problemsOf({ JWT_ISSUER: ' ' }).problems).toEqual(['JWT_ISSUER: must not be empty (unset it for the default, gatehouse)']);
  });

  it('reports every problem of every namespace at once, one line each, naming the variable and never the value', () => {
    const { message, problems } = problemsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://root:hunter2-db@db/app',
      BCRYPT_COST: '3',
      AUTH_CLIENTS: 'app:s3cret-value,broken',
      REDIS_URL: 'http://:redis-pass@127.0.0.1:6379',
      DATABASE_CONNECT_TIMEOUT: 'soon',
      SMTP_URL: 'http://mailer:smtp-pass@mail.example.com',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AUTH_CLIENTS', 'BCRYPT_COST', 'DATABASE_CONNECT_TIMEOUT', 'DATABASE_URL', 'PORT', 'REDIS_URL', 'SMTP_URL']);
    expect(message.split('\n')).toEqual(['Invalid configuration:', ...problems.map((p) => `  ${p}`)]);
    expect(problems).toContain('BCRYPT_COST: must not be less than 4');
    for (const secret of ['hunter2-db', 's3cret-value', 'redis-pass', 'soon', '70000', 'smtp-pass']) expect(message).not.toContain(secret);
  });
});

describe('loadConfig: metrics and the first admin', () => {
  it('refuses a short METRICS_TOKEN without printing it, and reads METRICS_NETWORKS as CIDRs', () => {
    const { message, problems } = problemsOf({ METRICS_TOKEN: 'short-token', METRICS_NETWORKS: '10.0.0.0/33' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['METRICS_NETWORKS', 'METRICS_TOKEN']);
    expect(message).not.toContain('short-token');
    expect(load({ METRICS_NETWORKS: '10.0.0.0/8, 192.168.0.0/16' }).metrics.networks).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
  });

  it('reads the bootstrap password from its file, without the final line break, and the e-mail lower-cased', () => {
    const file = join(dir, 'admin-password');
    writeFileSync(file, 'Adm1n-passw0rd \n');
    expect(load({ BOOTSTRAP_ADMIN_EMAIL: ' Root@Example.TEST ', BOOTSTRAP_ADMIN_PASSWORD_FILE: file }).bootstrap.admin).toEqual({
      email: 'root@example.test',
      password: 'Adm1n-passw0rd ',
    });
    expect(load({ BOOTSTRAP_ADMIN_EMAIL: 'root@example.test', BOOTSTRAP_ADMIN_PASSWORD: 'inline-passw0rd' }).bootstrap.admin?.password).toBe('inline-passw0rd');
  });

  it('names what is missing or doubled around the bootstrap admin, never the password', () => {
    const missing = join(dir, 'no-such-password-file');
    expect(problemsOf({ BOOTSTRAP_ADMIN_EMAIL: 'root@example.test' }).problems).toEqual([
      'BOOTSTRAP_ADMIN_PASSWORD_FILE: must be set with BOOTSTRAP_ADMIN_EMAIL (or BOOTSTRAP_ADMIN_PASSWORD)',
    ]);
    expect(problemsOf({ BOOTSTRAP_ADMIN_PASSWORD: 'hunter2-admin' }).problems).toEqual(['BOOTSTRAP_ADMIN_EMAIL: must be set with BOOTSTRAP_ADMIN_PASSWORD(_FILE)']);
    expect(problemsOf({ BOOTSTRAP_ADMIN_EMAIL: 'root@example.test', BOOTSTRAP_ADMIN_PASSWORD_FILE: missing }).problems).toEqual([
      `BOOTSTRAP_ADMIN_PASSWORD_FILE: cannot read ${missing} (ENOENT)`,
    ]);
    const both = problemsOf({ BOOTSTRAP_ADMIN_EMAIL: 'not-an-email', BOOTSTRAP_ADMIN_PASSWORD: 'hunter2-admin', BOOTSTRAP_ADMIN_PASSWORD_FILE: missing });
    expect(both.problems.map((p) => p.split(':')[0]).sort()).toEqual(['BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD, BOOTSTRAP_ADMIN_PASSWORD_FILE']);
    expect(both.message).not.toContain('hunter2-admin');
  });
});

describe('loadConfig: signing keys', () => {
  it('accepts an RSA key of 2048 bits, inline (\\n-escaped) or in a file', () => {
    const key = pem('rsa');
    const file = join(dir, 'good.pem');
    writeFileSync(file, key);
    expect(load({ JWT_PRIVATE_KEY: key.replace(/\n/g, '\\n') }).auth.privateKeyPem).toBe(key);
    expect(load({ JWT_PRIVATE_KEY_FILE: file }).auth.privateKeyFile).toBe(file);
  });

  it('names JWT_PRIVATE_KEY when it is not a usable key, without quoting it', () => {
    const { message, problems } = problemsOf({ JWT_PRIVATE_KEY: 'garbage-key-material' });
    expect(problems).toEqual(['JWT_PRIVATE_KEY: is not a PEM private key']);
    expect(message).not.toContain('garbage-key-material');
    expect(problemsOf({ JWT_PRIVATE_KEY: pem('ec') }).problems).toEqual(['JWT_PRIVATE_KEY: must be an RSA private key (RS256)']);
    expect(problemsOf({ JWT_PRIVATE_KEY: pem('rsa', 1024) }).problems).toEqual(['JWT_PRIVATE_KEY: must be an RSA key of at least 2048 bits']);
  });

  it('reports a bad key together with the other auth problems', () => {
    expect(problemsOf({ BCRYPT_COST: '3', JWT_PRIVATE_KEY: 'garbage' }).problems).toEqual([
      'BCRYPT_COST: must not be less than 4',
      'JWT_PRIVATE_KEY: is not a PEM private key',
    ]);
  });

  it('names the variable of a key file that is missing or not a key, with the path', () => {
    const bad = join(dir, 'bad.pem');
    writeFileSync(bad, 'not a key');
    expect(problemsOf({ JWT_PRIVATE_KEY_FILE: join(dir, 'missing.pem') }).problems).toEqual([
      `JWT_PRIVATE_KEY_FILE: cannot read key file ${join(dir, 'missing.pem')} (ENOENT)`,
    ]);
    expect(problemsOf({ JWT_PRIVATE_KEYS: bad }).problems).toEqual([`JWT_PRIVATE_KEYS: key file ${bad} is not a PEM private key`]);
  });

  it('checks the keys already in JWT_KEYS_DIR when no key is configured', () => {
    const keys = mkdtempSync(join(dir, 'keys-'));
    writeFileSync(join(keys, 'broken.pem'), 'not a key');
    expect(problemsOf({ JWT_KEYS_DIR: keys }).problems).toEqual([`JWT_KEYS_DIR: key file ${join(keys, 'broken.pem')} is not a PEM private key`]);
  });
});

describe('loadConfig: data encryption keys', () => {
  const key = () => randomBytes(32).toString('base64');

  it('reads several keys (the first encrypts), base64 or base64url, inline or one per line in a file', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    expect(load({ DATA_ENCRYPTION_KEY: `${a.toString('base64')}, ${b.toString('base64url')}` }).encryption.keys).toEqual([a, b]);
    const file = join(dir, 'data-keys');
    writeFileSync(file, `# newest first\n${b.toString('base64')}\n\n${a.toString('base64')}\n`);
    expect(load({ DATA_ENCRYPTION_KEY_FILE: file }).encryption.keys).toEqual([b, a]);
  });

  it('names a bad key by its position and never prints it, refuses both sources at once, and names an unreadable file', () => {
    const short = randomBytes(16).toString('base64');
    const { message, problems } = problemsOf({ DATA_ENCRYPTION_KEY: `${key()},${short},not base64!` });
    expect(problems).toEqual([
      'DATA_ENCRYPTION_KEY: key 2 of 3 must be base64 of 32 random bytes (openssl rand -base64 32)',
      'DATA_ENCRYPTION_KEY: key 3 of 3 must be base64 of 32 random bytes (openssl rand -base64 32)',
    ]);
    expect(message).not.toContain(short);
    expect(problemsOf({ DATA_ENCRYPTION_KEY: key(), DATA_ENCRYPTION_KEY_FILE: join(dir, 'x') }).problems).toEqual([
      'DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_KEY_FILE: set only one of them',
    ]);
    expect(problemsOf({ DATA_ENCRYPTION_KEY_FILE: join(dir, 'missing-keys') }).problems).toEqual([
      `DATA_ENCRYPTION_KEY_FILE: cannot read key file ${join(dir, 'missing-keys')} (ENOENT)`,
    ]);
  });

  it('reads TOTP_ISSUER and MFA_CHALLENGE_TTL, and refuses an issuer with a colon (it would split the otpauth label)', () => {
    expect(load({ TOTP_ISSUER: 'Acme Corp', MFA_CHALLENGE_TTL: '90s' }).mfa).toEqual({ totpIssuer: 'Acme Corp', challengeTtlMs: 90_000 });
    expect(problemsOf({ TOTP_ISSUER: 'Acme:Corp', MFA_CHALLENGE_TTL: 'soon' }).problems.sort()).toEqual([
      'MFA_CHALLENGE_TTL: must be a positive duration: seconds (900) or a number with ms, s, m, h or d (15m)',
      'TOTP_ISSUER: must not contain a colon',
    ]);
  });
});

describe('loadConfig: the .env file', () => {
  const envFile = join(dir, '.env');
  writeFileSync(envFile, 'PORT=9000\nLOG_LEVEL=debug\nBODY_LIMIT=\nREDIS_KEY_PREFIX=from-file:\n');

  it('is read under the environment: a variable set wins, an empty one lets the file apply, an empty line is unset', () => {
    const config = load({ PORT: '9100', REDIS_KEY_PREFIX: '' }, envFile);
    expect(config.app.port).toBe(9100);
    expect(config.app.logLevel).toBe('debug');
    expect(config.redis.keyPrefix).toBe('from-file:');
    expect(config.http.bodyLimit).toBe(65536);
  });

  it('is not read when absent or switched off', () => {
    expect(load({}, join(dir, 'no-such.env')).app.port).toBe(8080);
    expect(load({}, null).app.port).toBe(8080);
  });

  it('is the one ENV_FILE names, and none with ENV_FILE=none', () => {
    const fromEnvFile = (env: Env) => loadConfig({ ...BASE, ...env });
    expect(fromEnvFile({ ENV_FILE: envFile }).app.port).toBe(9000);
    expect(fromEnvFile({ ENV_FILE: 'none' }).app.port).toBe(8080);
  });
});
