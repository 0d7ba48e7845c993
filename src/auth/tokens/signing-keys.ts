import { Logger } from '@nestjs/common';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, JWK } from 'jose';
import { AuthConfig } from '../../config/auth.config';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

/**
 * The RS256 keys. Parsed once into KeyObjects (re-parsing a PEM on every sign or verify costs 3–5×).
 * The first key signs; every key verifies, so a new key can be introduced before the old one is retired.
 * The `kid` is the RFC 7638 thumbprint of the public key: stable, and derived rather than configured.
 */
export class SigningKeys {
  private readonly byKid: Map<string, SigningKey>;

  private constructor(private readonly keys: SigningKey[]) {
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  get current(): SigningKey {
    return this.keys[0];
  }

  get all(): readonly SigningKey[] {
    return this.keys;
  }

  find(kid: string | undefined): SigningKey | undefined {
    return kid === undefined ? undefined : this.byKid.get(kid);
  }

  static async load(config: AuthConfig): Promise<SigningKeys> {
    const pems = readConfiguredPems(config).map((k) => k.pem);
    const keys = await Promise.all(pems.map(toSigningKey));
    return new SigningKeys(keys);
  }
}

/** A configured key and where it comes from (a variable or a file path), for `npm run cli -- keys:list`. */
export interface ConfiguredKey {
  source: string;
  key: SigningKey;
}

/** The keys the service would load, the signing one first, without generating one when there is none. */
export function configuredKeys(config: AuthConfig): Promise<ConfiguredKey[]> {
  return Promise.all(readConfiguredPems(config, false).map(async ({ source, pem }) => ({ source, key: await toSigningKey(pem) })));
}

/** A new RSA-2048 private key (PKCS#8 PEM) written to `path`, readable by its owner only: it can mint any user's token. */
export function writeNewSigningKey(path: string): void {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

/** A file name that sorts by creation time, so the newest key of a keys directory is the one that signs. */
export const newKeyFileName = (): string => `${new Date().toISOString().replace(/[:.]/g, '-')}.pem`;

/** `kid` of a PEM private key (the RFC 7638 thumbprint of its public key). */
export async function toSigningKey(pem: string): Promise<SigningKey> {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('JWT signing keys must be RSA private keys (RS256)');
  if ((privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('JWT signing keys must be at least 2048 bits');
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
}

function readConfiguredPems(config: AuthConfig, create = true): { source: string; pem: string }[] {
  if (config.privateKeyPem) return [{ source: 'JWT_PRIVATE_KEY', pem: config.privateKeyPem }];
  if (config.privateKeyFile) return [{ source: config.privateKeyFile, pem: readKeyFile(config.privateKeyFile, 'JWT_PRIVATE_KEY_FILE') }];
  if (config.privateKeyFiles.length > 0) return config.privateKeyFiles.map((f) => ({ source: f, pem: readKeyFile(f, 'JWT_PRIVATE_KEYS') }));
  return readOrCreateKeysDir(config.keysDir, create);
}

/** A missing or unreadable key file stops start-up with the variable and the path named. */
function readKeyFile(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`Invalid configuration:\n  ${variable}: cannot read key file ${path} (${(e as Error).message})`);
  }
}

/** Keys in the keys directory, newest file name first; one is generated when there are none (and `create`). */
function readOrCreateKeysDir(dir: string, create: boolean): { source: string; pem: string }[] {
  if (!create && !existsSync(dir)) return [];
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let files = readdirSync(dir).filter((f) => f.endsWith('.pem')).sort().reverse();
  if (files.length === 0 && create) {
    const name = newKeyFileName();
    writeNewSigningKey(join(dir, name));
    new Logger('SigningKeys').warn(`Generated a new RSA-2048 signing key at ${join(dir, name)}; set JWT_PRIVATE_KEY(_FILE) in production`);
    files = [name];
  }
  return files.filter((f) => existsSync(join(dir, f))).map((f) => ({ source: join(dir, f), pem: readFileSync(join(dir, f), 'utf8') }));
}
