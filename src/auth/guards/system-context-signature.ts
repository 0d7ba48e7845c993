import { createHmac, timingSafeEqual } from 'node:crypto';

export const SYSTEM_CONTEXT_SIGNATURE_HEADER = 'x-user-ctx-signature';

/** How far `t` may be from our clock: enough for skew between hosts, short enough that a captured header soon dies. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const FORMAT = /^t=(\d{1,12}),v1=([0-9a-fA-F]{64})$/;

/**
 * Why `x-user-ctx-signature` does not prove that the sender of `context` (the x-user-ctx value, exactly as sent)
 * holds SYSTEM_CONTEXT_SECRET, or null when it does. The header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<x-user-ctx value>">`, the scheme of Stripe's webhook signatures: the time bounds a replay to the tolerance,
 * and the comparison takes the same time whatever the bytes, so the signature cannot be found byte by byte.
 */
export function signatureProblem(context: string, header: unknown, secret: string, nowSeconds: number): string | null {
  if (typeof header !== 'string') return 'is required with x-user-ctx on this server';
  const match = FORMAT.exec(header.trim());
  if (!match) return 'must be t=<unix seconds>,v1=<64 hex digits of HMAC-SHA256>';
  const [, t, v1] = match;
  if (Math.abs(nowSeconds - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) {
    return `is outside the ${SIGNATURE_TOLERANCE_SECONDS} s window (t is too old, or in the future)`;
  }
  const expected = createHmac('sha256', secret).update(`${t}.${context}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? null : 'does not match x-user-ctx';
}
