import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AbuseConfig } from '../config/abuse.config';
import { ConfigError } from '../config/validate-env';

/** As DEVICE_TOKEN_SECRET requires: shorter would let a captured credential be used to guess the key offline. */
const MIN_LENGTH = 32;
/** The name of a generated secret in JWT_KEYS_DIR (not *.pem: SigningKeys reads those as signing keys). */
export const GENERATED_SECRET_FILE = 'device-token.secret';

/**
 * The HMAC key of device credentials: DEVICE_TOKEN_SECRET, or the file DEVICE_TOKEN_SECRET_FILE names, or else one
 * generated on first start and kept in JWT_KEYS_DIR, as a generated signing key is. Several instances must share it
 * (the same variable, or the same directory): a credential one of them made is otherwise worthless on the others.
 */
export function loadDeviceSecret(config: AbuseConfig['devices']): Buffer {
  if (config.secret) return Buffer.from(config.secret, 'utf8');
  if (config.secretFile) return readSecret(config.secretFile, 'DEVICE_TOKEN_SECRET_FILE');
  return readOrCreate(config.keysDir);
}

/** A file that cannot be read, or holds too short a secret, stops start-up naming the variable and the path. */
function readSecret(path: string, variable: string): Buffer {
  let secret: string;
  try {
    secret = readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new ConfigError([`${variable}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`]);
  }
  if (secret.length < MIN_LENGTH) throw new ConfigError([`${variable}: ${path} must hold at least ${MIN_LENGTH} characters`]);
  return Buffer.from(secret, 'utf8');
}

function readOrCreate(dir: string): Buffer {
  const path = join(dir, GENERATED_SECRET_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: two instances starting at once on a shared directory cannot both write one; the second reads the first's.
    // Owner-only: whoever reads it can make device credentials for any user (a guessing budget, never a session).
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    new Logger('DeviceCredentials').warn(`Generated a device-credential secret at ${path}; set DEVICE_TOKEN_SECRET(_FILE) when several instances run`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readSecret(path, 'JWT_KEYS_DIR');
}
