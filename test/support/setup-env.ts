/**
 * Defaults for every e2e test file: quiet, fast bcrypt, the seed's client, a signing key and a data key made once per
 * worker, mail files in a temporary folder (a test that needs other values sets them through startTestApp's env).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRsaPrivateKey } from './keys';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
const keyFile = writeRsaPrivateKey(join(dir, 'jwt.pem'));

Object.assign(process.env, {
  // Never the developer's .env (the quick start makes one from .env.example): only what the tests set applies.
  ENV_FILE: 'none',
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  BCRYPT_COST: '4',
  AUTH_CLIENTS: 'client-app-id:client-app-secret,spa-app:',
  JWT_PRIVATE_KEY_FILE: keyFile,
  // The key that encrypts TOTP secrets: one per worker, so no test writes one under ./data/keys.
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  GATEHOUSE_TEST_TMP: dir,
  // Where the device-credential secret is generated (never the developer's ./data/keys): one per worker, shared by
  // every app it starts, in-process or as a child instance, as instances sharing a volume would share it.
  JWT_KEYS_DIR: join(dir, 'keys'),
  // Every e2e request comes from 127.0.0.1: the login rate limits are the subject of their own spec only.
  LOGIN_RATE_LIMIT_IP: '100000',
  LOGIN_RATE_LIMIT_ACCOUNT: '100000',
  // Likewise the per-address limit of the e-mail flows (password reset, verification, sign-up).
  SELF_SERVICE_RATE_LIMIT_IP: '100000',
  // Without SMTP_URL mails are .eml files: here, never in the working tree's ./data/outbox.
  MAIL_OUTBOX_DIR: join(dir, 'outbox'),
});
// Memory state unless a spec opts in to Redis (with its own key prefix): never the developer's REDIS_URL, which
// only stands in for TEST_REDIS_URL (see test/support/redis.ts).
// (process.env turns undefined into the string 'undefined', hence the check.)
if (!process.env.TEST_REDIS_URL && process.env.REDIS_URL) process.env.TEST_REDIS_URL = process.env.REDIS_URL;
delete process.env.REDIS_URL;
delete process.env.REDIS_KEY_PREFIX;
