import { createHmac } from 'node:crypto';
import { User } from '../users/user.entity';
import { DeviceCredentials } from './device-credentials';

const DAY = 86_400_000;
const user = (fields: Partial<User> = {}) => Object.assign(new User(), { id: '1234567890123456789', tokenGeneration: 0, ...fields });
const devices = (key = 'k'.repeat(32)) => new DeviceCredentials(Buffer.from(key), 30 * DAY);

describe('DeviceCredentials', () => {
  afterEach(() => jest.useRealTimers());

  it('issues a credential valid for its user only, for DEVICE_TOKEN_TTL, and renews it under the same device', () => {
    jest.useFakeTimers({ now: 1_764_000_000_000 });
    const issued = devices().issue(user(), []);
    expect(issued.maxAgeSeconds).toBe(30 * 86_400);
    const device = devices().trustedDevice(user(), [issued.token]);
    expect(device).toEqual(expect.any(String));
    expect(devices().trustedDevice(user({ id: '1234567890123456780' }), [issued.token])).toBeNull();
    jest.setSystemTime(1_764_000_000_000 + 30 * DAY - 1000);
    const renewed = devices().issue(user(), ['garbage', issued.token]);
    expect(devices().trustedDevice(user(), [renewed.token])).toBe(device);
    jest.setSystemTime(1_764_000_000_000 + 30 * DAY);
    expect(devices().trustedDevice(user(), [issued.token])).toBeNull();
    expect(devices().trustedDevice(user(), [renewed.token])).toBe(device);
  });

  it('gives a client that proves no device of this user a new device', () => {
    const first = devices().issue(user(), []);
    const other = devices().issue(user({ id: '42' }), []);
    const again = devices().issue(user(), [other.token]);
    expect(devices().trustedDevice(user(), [again.token])).not.toBe(devices().trustedDevice(user(), [first.token]));
  });

  it('is revoked by whatever ends every session (a new token generation) and by a new key', () => {
    const { token } = devices().issue(user(), []);
    expect(devices().trustedDevice(user({ tokenGeneration: 1 }), [token])).toBeNull();
    expect(devices('n'.repeat(32)).trustedDevice(user(), [token])).toBeNull();
  });

  it('refuses anything altered or made up, and a credential dated in the future', () => {
    jest.useFakeTimers({ now: 1_764_000_000_000 });
    const { token } = devices().issue(user(), []);
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(`d1:${user().id}:made-up-device:1764000000:0`).toString('base64url');
    const altered = [`${forged}.${mac}`, `${payload}.${mac.slice(0, -2)}`, `${payload}`, `${token}.x`, '', '.', 'x'.repeat(10_000)];
    for (const t of altered) expect(devices().trustedDevice(user(), [t])).toBeNull();
    jest.setSystemTime(1_764_000_000_000 - 61_000);
    expect(devices().trustedDevice(user(), [token])).toBeNull();
  });

  it('accepts a credential dated up to 60 s in the future (clock skew between instances), not more', () => {
    jest.useFakeTimers({ now: 1_764_000_000_000 });
    const { token } = devices().issue(user(), []);
    jest.setSystemTime(1_764_000_000_000 - 59_000);
    expect(devices().trustedDevice(user(), [token])).toEqual(expect.any(String));
    jest.setSystemTime(1_764_000_000_000 - 60_000);
    expect(devices().trustedDevice(user(), [token])).toBeNull();
  });

  it('refuses a correctly signed credential of another version, without a device, or of another generation', () => {
    jest.useFakeTimers({ now: 1_764_000_000_000 });
    const key = Buffer.from('k'.repeat(32));
    const signed = (text: string) => {
      const payload = Buffer.from(text).toString('base64url');
      return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    };
    const id = user().id;
    expect(devices().trustedDevice(user(), [signed(`d1:${id}:dev:1764000000:0`)])).toBe('dev');
    for (const text of [`d0:${id}:dev:1764000000:0`, `d1:${id}::1764000000:0`, `d1:${id}:dev:1764000000:1`, `d1:9${id}:dev:1764000000:0`]) {
      expect(devices().trustedDevice(user(), [signed(text)])).toBeNull();
    }
    // Up to 256 characters a credential is checked; longer, it is refused unread.
    const long = signed(`d1:${id}:${'d'.repeat(123)}:1764000000:0`);
    expect(long.length).toBe(256);
    expect(devices().trustedDevice(user(), [long])).toBe('d'.repeat(123));
    const tooLong = signed(`d1:${id}:${'d'.repeat(160)}:1764000000:0`);
    expect(tooLong.length).toBeGreaterThan(256);
    expect(devices().trustedDevice(user(), [tooLong])).toBeNull();
  });
});
