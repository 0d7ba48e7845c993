import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { User } from '../users/user.entity';

/** A device credential handed to a client, and how long (seconds) it keeps it. */
export interface IssuedDeviceCredential {
  token: string;
  maxAgeSeconds: number;
}

const VERSION = 'd1';
/** Longer than any credential we make: anything longer is refused before any work. */
const MAX_LENGTH = 256;
/** A credential dated this far in the future (clock skew between instances) is still accepted; beyond, refused. */
const FUTURE_SKEW_SECONDS = 60;

const mac = (key: Buffer, payload: string): Buffer => createHmac('sha256', key).update(payload).digest();

/**
 * Device credentials (the OWASP "device cookie"): proof that a client once signed in to one account, so the lockout
 * can give that client a budget of its own (LockoutService). A credential is `<payload>.<HMAC-SHA256>`, both
 * base64url, the payload being `d1:<user id>:<device id>:<issued at, s>:<token generation>`:
 * - unforgeable without the key (HMAC; compared in constant time);
 * - bound to the user: valid only for the account whose id it names;
 * - revocable: it carries the user's token generation, so whatever ends every session of the user (a password
 *   change or reset, logout everywhere, an admin lock) makes their devices unknown again; and it ends after
 *   DEVICE_TOKEN_TTL unless a sign-in on the device renews it. A new key forgets every device.
 * It is no secret of the user and opens nothing: at worst, a stolen one gives a guesser one device's budget.
 */
export class DeviceCredentials {
  constructor(
    private readonly key: Buffer,
    private readonly ttlMs: number,
  ) {}

  /** The id of the first device among `presented` whose credential is valid for `user` now, or null. */
  trustedDevice(user: User, presented: readonly string[]): string | null {
    for (const token of presented) {
      const device = this.verify(token, user);
      if (device) return device;
    }
    return null;
  }

  /** A credential for `user` on this client: a device it already proves keeps its id (renewed), else a new device. */
  issue(user: User, presented: readonly string[]): IssuedDeviceCredential {
    const deviceId = this.trustedDevice(user, presented) ?? randomBytes(16).toString('base64url');
    const payload = Buffer.from([VERSION, user.id, deviceId, Math.floor(Date.now() / 1000), user.tokenGeneration].join(':')).toString('base64url');
    return { token: `${payload}.${mac(this.key, payload).toString('base64url')}`, maxAgeSeconds: Math.floor(this.ttlMs / 1000) };
  }

  private verify(token: string, user: User): string | null {
    if (token.length > MAX_LENGTH) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = mac(this.key, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [version, userId, deviceId, issuedAt, generation] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    if (version !== VERSION || userId !== user.id || Number(generation) !== user.tokenGeneration || !deviceId) return null;
    const age = Date.now() - Number(issuedAt) * 1000;
    return age < this.ttlMs && age > -FUTURE_SKEW_SECONDS * 1000 ? deviceId : null;
  }
}
