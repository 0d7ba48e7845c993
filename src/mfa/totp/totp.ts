import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app does it by default: HMAC-SHA1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const DRIFT_STEPS = 1;
/** 160 bits, the size RFC 4226 recommends (the HMAC-SHA1 block output). */
const SECRET_BYTES = 20;

// Stryker disable next-line StringLiteral: equivalent, issuer and account only label the otpauth URI; codes never depend on them
function totp(secretBase32: string, issuer = '', account = ''): TOTP {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS });
}

/** A new random secret, base32 (32 characters), as authenticator apps take it. */
export function newTotpSecret(): string {
  // A copy: a Buffer may be a view into a larger shared pool, and Secret takes the whole ArrayBuffer.
  // Stryker disable next-line ObjectLiteral: equivalent, Secret without options draws 20 bytes from node:crypto's randomBytes too
  return new Secret({ buffer: new Uint8Array(randomBytes(SECRET_BYTES)).buffer }).base32;
}

/** `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` (Google's Key URI Format), for the QR code. */
export function otpauthUri(secretBase32: string, issuer: string, account: string): string {
  return totp(secretBase32, issuer, account).toString();
}

/** The time step of `now`. */
export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, within DRIFT_STEPS of now, or null. The step (not a yes/no) is what replay
 * protection stores: a code is accepted only for a step later than the last one accepted.
 */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? null : currentStep(now) + delta;
}
