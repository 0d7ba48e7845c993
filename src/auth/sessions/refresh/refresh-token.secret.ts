import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { hashOpaqueToken, newOpaqueToken } from '../../../common/crypto/opaque-token';

/** 256 random bits, base64url (see newOpaqueToken). */
export function newRefreshToken(): string {
  return newOpaqueToken();
}

/** SHA-256 hex: why a fast unsalted hash is right for a full-entropy token is said at hashOpaqueToken. */
export function hashRefreshToken(token: string): string {
  return hashOpaqueToken(token);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The successor key is derived from the PRESENTED token (HKDF, salted with the row id), not from a server secret:
 * the ciphertext can only be opened by whoever holds the old token, who could obtain the successor anyway by
 * presenting it within the grace interval. A database dump gives nothing, and there is no extra key to manage.
 */
function successorKey(presentedToken: string, rowId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', presentedToken, rowId, 'gatehouse/refresh-token-successor', 32));
}

export function sealSuccessor(successor: string, presentedToken: string, rowId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', successorKey(presentedToken, rowId), iv);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The successor, or null when the ciphertext does not open with this token (tampered, or another token). */
export function openSuccessor(sealed: string, presentedToken: string, rowId: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', successorKey(presentedToken, rowId), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
