import { createHmac } from 'node:crypto';

/**
 * TOTP computed here, independently of the library the app uses (otpauth): RFC 4226 HOTP over HMAC-SHA1 with the
 * RFC 6238 time step of 30 seconds, 6 digits, from the base32 secret the enrolment answers.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_MS = 30_000;

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const v = BASE32.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** RFC 4226 §5.3: dynamic truncation of the HMAC of the counter, modulo 10^6. */
export function hotp(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export function stepNow(): number {
  return Math.floor(Date.now() / PERIOD_MS);
}

/** The code of a time step. */
export function codeAt(secret: string, step: number): string {
  return hotp(secret, step);
}

/**
 * Something that tracks the last step a server accepted for one secret, and hands out the next code it will accept:
 * the current step's, or (when that one was used already) the next step's, which the ±1 drift allows. So a test uses
 * codes one after another without waiting for the clock: two per 30 seconds at least.
 */
export class TotpDevice {
  constructor(
    readonly secret: string,
    public lastStep: number | null = null,
  ) {}

  next(): string {
    const step = Math.max(stepNow(), (this.lastStep ?? -1) + 1);
    if (step > stepNow() + 1) throw new Error('no unused code inside the drift window: use another user or a recovery code');
    this.lastStep = step;
    return codeAt(this.secret, step);
  }

  /** A code that is none of those the server would accept now (steps -1, 0, +1). */
  wrong(): string {
    const now = stepNow();
    const valid = new Set([now - 1, now, now + 1, now + 2].map((s) => codeAt(this.secret, s)));
    let n = Number(codeAt(this.secret, now));
    do n = (n + 1) % 1_000_000;
    while (valid.has(String(n).padStart(6, '0')));
    return String(n).padStart(6, '0');
  }
}
