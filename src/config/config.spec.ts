import { appConfig } from './app.config';
import { authConfig, parseClients } from './auth.config';
import { databaseConfig, parseDatabaseUrl } from './database.config';
import { httpConfig } from './http.config';
import { importConfig } from './import.config';
import { passwordsConfig } from './passwords.config';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has safe defaults', () => {
    delete process.env.TRUSTED_NETWORKS;
    delete process.env.TRUST_PROXY;
    delete process.env.PORT;
    expect(appConfig()).toMatchObject({ port: 8080, host: '0.0.0.0', trustedNetworks: ['127.0.0.1/32', '::1/128'], trustProxy: [] });
  });

  it.each([
    ['BCRYPT_COST', '3', authConfig],
    ['BCRYPT_COST', '16', authConfig],
    ['BCRYPT_COST', 'ten', authConfig],
    ['ACCESS_TOKEN_TTL', '-5', authConfig],
    ['PORT', '70000', appConfig],
    ['TRUSTED_NETWORKS', '10.0.0.0/33', appConfig],
    ['TRUST_PROXY', 'everyone', appConfig],
    ['DATABASE_URL', 'mysql://x', databaseConfig],
    ['SQLITE_SYNCHRONOUS', 'off', databaseConfig],
    ['AUTH_CLIENTS', 'no-colon', authConfig],
    ['PASSWORD_HASHER', 'scrypt', passwordsConfig],
    ['PASSWORD_HASHER_THREADS', '0', passwordsConfig],
    ['HASH_THREAD_NICE', '20', passwordsConfig],
    ['HASH_THREAD_NICE', '-1', passwordsConfig],
    ['CORS_ORIGINS', '*', httpConfig],
    ['CORS_ORIGINS', 'https://app.example.com/path', httpConfig],
    ['CORS_ORIGINS', 'app.example.com', httpConfig],
    ['BODY_LIMIT', '100', httpConfig],
    ['BODY_LIMIT', '64kb', httpConfig],
    ['PASSWORD_MIN_LENGTH', '6', passwordsConfig],
    ['PASSWORD_MIN_LENGTH', '100', passwordsConfig],
    ['LOG_LEVEL', 'verbose', appConfig],
    ['SYSTEM_CONTEXT_SECRET', 'too-short-a-secret', appConfig],
    ['IMPORT_MAX_BODY', '100', importConfig],
    ['IMPORT_BATCH_SIZE', '5000', importConfig],
    ['IMPORT_PARALLEL_BATCHES', '0', importConfig],
    ['IMPORT_PARALLEL_BATCHES', '5', importConfig],
  ])('refuses %s=%s with a message naming the variable', (name, value, factory) => {
    process.env[name] = value;
    expect(() => (factory as () => unknown)()).toThrow(new RegExp(`  ${name}: `));
  });

  it('has safe HTTP and password defaults, and reads the configured values', () => {
    delete process.env.CORS_ORIGINS;
    delete process.env.BODY_LIMIT;
    delete process.env.PASSWORD_MIN_LENGTH;
    expect(httpConfig()).toEqual({ corsOrigins: [], bodyLimit: 65536 });
    expect(passwordsConfig()).toMatchObject({ minLength: 8 });
    Object.assign(process.env, { CORS_ORIGINS: 'https://app.example.com, http://localhost:5173', BODY_LIMIT: '2048', PASSWORD_MIN_LENGTH: '12' });
    expect(httpConfig()).toEqual({ corsOrigins: ['https://app.example.com', 'http://localhost:5173'], bodyLimit: 2048 });
    expect(passwordsConfig()).toMatchObject({ minLength: 12 });
  });

  it('lets only the import route read a large body: 32 MiB by default, batches of 500, two written at once', () => {
    delete process.env.IMPORT_MAX_BODY;
    delete process.env.IMPORT_BATCH_SIZE;
    delete process.env.IMPORT_PARALLEL_BATCHES;
    expect(importConfig()).toEqual({ maxBody: 32 * 1024 * 1024, batchSize: 500, parallelBatches: 2 });
    Object.assign(process.env, { IMPORT_MAX_BODY: '4096', IMPORT_BATCH_SIZE: '10', IMPORT_PARALLEL_BATCHES: '1' });
    expect(importConfig()).toEqual({ maxBody: 4096, batchSize: 10, parallelBatches: 1 });
  });

  it('never prints the value of a variable it refuses (it may hold a secret)', () => {
    process.env.AUTH_CLIENTS = 'app:s3cret-value,broken';
    expect(() => authConfig()).toThrow(/AUTH_CLIENTS: /);
    expect(() => authConfig()).not.toThrow(/s3cret-value/);
  });

  it('parses clients, public ones without a secret', () => {
    expect(parseClients('client-app-id:client-app-secret, spa-app:')).toEqual([
      { id: 'client-app-id', secret: 'client-app-secret', browser: false },
      { id: 'spa-app', secret: null, browser: false },
    ]);
  });

  it('parses a browser client (id::browser): public, marked for the refresh-token cookie', () => {
    expect(parseClients('spa-app::browser, mobile:, svc:a:b')).toEqual([
      { id: 'spa-app', secret: null, browser: true },
      { id: 'mobile', secret: null, browser: false },
      { id: 'svc', secret: 'a:b', browser: false },
    ]);
  });

  it('refuses a browser client with a secret, naming the client and not the secret', () => {
    process.env.AUTH_CLIENTS = 'spa-app:s3cret-value:browser';
    expect(() => authConfig()).toThrow(/AUTH_CLIENTS: client "spa-app" is a browser client with a secret/);
    expect(() => authConfig()).not.toThrow(/s3cret-value/);
  });

  it('maps DATABASE_URL to SQLite by default and to PostgreSQL for postgres://', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', path: './data/gatehouse.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgres://u@h:5432/d')).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
  });
});
