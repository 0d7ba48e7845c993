import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';

/** A fresh RSA-2048 private key, as the service signs with. */
export function rsaPrivateKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** Writes a fresh RSA private key as PKCS#8 PEM, readable by its owner only (as the service expects a key file). */
export function writeRsaPrivateKey(path: string): string {
  writeFileSync(path, rsaPrivateKey().export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return path;
}
