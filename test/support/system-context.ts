import { createHmac } from 'node:crypto';
import { nowSeconds } from './tokens';

/** The x-user-ctx of a system calling with context `id` (base64 JSON, as the seed's). */
export function systemContext(id: string, user = id): string {
  return Buffer.from(JSON.stringify({ id, user })).toString('base64');
}

/** `x-user-ctx-signature` for `context` as a system holding `secret` makes it: t=<seconds>,v1=<hex HMAC-SHA256>. */
export function contextSignature(context: string, secret: string, t: number = nowSeconds()): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${context}`).digest('hex')}`;
}
