import { Logger } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionConfig, parseDataKey } from '../config/encryption.config';

interface DataKey {
  /** Derived from the key (never configured), so a ciphertext names its key without revealing anything of it. */
  id: string;
  key: Buffer;
}

/** The format of a sealed value: `v1.<key id>.<iv>.<ciphertext + tag>`, base64url parts. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Generated keys: data-encryption-<time>.key in the keys directory; the newest name encrypts. */
const FILE_PREFIX = 'data-encryption-';
const FILE_SUFFIX = '.key';

/** A sealed value whose key is not configured any more (or was never ours): the operator's to fix. */
export class DataKeyMissingError extends Error {}

/**
 * Encryption of data at rest (TOTP secrets) with AES-256-GCM under the configured keys. The first key encrypts and
 * every key decrypts, so a key is rotated by putting a new one first: values sealed before keep opening, and each is
 * re-sealed under the new key whenever it is next written. `context` is bound in as additional authenticated data
 * (the owner's id, say), so a ciphertext copied onto another row does not open there.
 */
export class DataKeys {
  private constructor(private readonly keys: DataKey[]) {}

  static load(config: EncryptionConfig): DataKeys {
    const raw = config.keys.length > 0 ? config.keys : readOrCreateKeysDir(config.keysDir);
    return new DataKeys(raw.map((key) => ({ id: keyId(key), key })));
  }

  /** Whether `sealed` was made with the key that encrypts now (else it is worth re-sealing when next written). */
  isCurrent(sealed: string): boolean {
    return sealed.split('.')[1] === this.keys[0].id;
  }

  seal(plaintext: string, context: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, id, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Throws DataKeyMissingError for an unknown key, and an Error for a value that does not open (tampered, other context). */
  open(sealed: string, context: string): string {
    const [version, id, iv, body] = sealed.split('.');
    if (version !== VERSION || !iv || !body) throw new Error('Not a sealed value');
    const found = this.keys.find((k) => k.id === id);
    if (!found) throw new DataKeyMissingError(`Sealed under data key ${id}, which is not configured (DATA_ENCRYPTION_KEY)`);
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', found.key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/** 16 hex digits of a domain-separated SHA-256: a 256-bit random key cannot be recovered from it. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('gatehouse/data-key-id/').update(key).digest('hex').slice(0, 16);
}

/** Keys in the keys directory, newest file name first; one is generated when there are none. */
function readOrCreateKeysDir(dir: string): Buffer[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = readdirSync(dir).filter((f) => f.startsWith(FILE_PREFIX) && f.endsWith(FILE_SUFFIX)).sort().reverse();
  if (files.length === 0) return [generateKeyFile(dir)];
  return files.map((f) => {
    const key = parseDataKey(readFileSync(join(dir, f), 'utf8'));
    if (!key) throw new Error(`Invalid configuration:\n  JWT_KEYS_DIR: ${join(dir, f)} is not a data encryption key (base64 of 32 bytes)`);
    return key;
  });
}

function generateKeyFile(dir: string): Buffer {
  const key = randomBytes(32);
  const path = join(dir, `${FILE_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}${FILE_SUFFIX}`);
  // Owner-only: this file opens every TOTP secret. Losing it loses them too (users then need an admin reset).
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  new Logger('DataKeys').warn(`Generated a new data encryption key at ${path}; set DATA_ENCRYPTION_KEY(_FILE) in production and back it up`);
  return key;
}
