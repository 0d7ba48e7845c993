import { AuditService } from '../audit/audit.service';
import { AbuseConfig } from '../config/abuse.config';
import { Metrics } from '../metrics/metrics';
import { metricValue } from '../../test/support/metrics';
import { UserLocksService } from '../users/user-locks.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DeviceCredentials } from './device-credentials';
import { LockoutService } from './lockout.service';
import { MemoryFailureCounter } from './memory-failure-counter';

const config = {
  lockout: { threshold: 3, windowMs: 60_000, durationMs: 900_000 },
  rateLimit: { perAccount: 100, windowMs: 60_000 },
} as AbuseConfig;
const user = (fields: Partial<User> = {}) =>
  Object.assign(new User(), { id: 'u1', isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null, tokenGeneration: 0, ...fields });

function setup(locks: Partial<UserLocksService> = {}, users: Partial<UsersService> = {}, abuse: AbuseConfig = config) {
  const audit = { record: jest.fn() };
  const devices = new DeviceCredentials(Buffer.from('k'.repeat(32)), 86_400_000);
  const counter = new MemoryFailureCounter(1000);
  const metrics = new Metrics();
  const service = new LockoutService(abuse, counter, locks as UserLocksService, users as UsersService, audit as unknown as AuditService, devices, metrics);
  /** One attempt that fails (counted), as the password check makes it; the refusal it met, if any. */
  const fail = async (account: User | string, deviceTokens: string[] = []) => {
    const { budget, refusal } = await service.admit(account, deviceTokens);
    if (!refusal) await service.recordFailure(budget, { ip: '203.0.113.7' });
    return refusal?.getStatus() ?? 401;
  };
  return { service, audit, devices, counter, fail, metrics };
}

describe('LockoutService', () => {
  afterEach(() => jest.useRealTimers());

  it('locks at the threshold, for LOCKOUT_DURATION, and records it once', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const { audit, fail, metrics } = setup({ lockAfterFailures });
    expect([await fail(user()), await fail(user())]).toEqual([401, 401]);
    expect(lockAfterFailures).not.toHaveBeenCalled();
    expect(metricValue(await metrics.text(), 'gatehouse_lockouts_total')).toBe(0);
    await fail(user());
    expect(metricValue(await metrics.text(), 'gatehouse_lockouts_total')).toBe(1);
    const [, lockedAt, until] = lockAfterFailures.mock.calls[0] as unknown as [string, Date, Date];
    expect(until.getTime() - lockedAt.getTime()).toBe(900_000);
    expect(audit.record).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledWith({ ip: '203.0.113.7', type: 'account.locked', subjectId: 'u1', details: { failures: 3, lockedUntil: until.toISOString() } });
    // The row is what holds it: a row that says so is refused before any password.
    const locked = user({ isLocked: true, lockReason: 'failed_logins', lockedUntil: until });
    expect(await fail(locked)).toBe(423);
  });

  it('records nothing when another instance (or an admin) locked the account first', async () => {
    const { audit, fail } = setup({ lockAfterFailures: async () => false });
    for (let i = 0; i < 3; i++) await fail(user());
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('starts the count over after a success', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const { service, fail } = setup({ lockAfterFailures });
    await fail(user());
    await fail(user());
    await service.recordSuccess((await service.admit(user(), [])).budget);
    await fail(user());
    await fail(user());
    expect(lockAfterFailures).not.toHaveBeenCalled();
  });

  it("counts a device's failures on its own: it locks that device only, and spares the account and its other devices", async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const lockAfterFailures = jest.fn(async () => true);
    const { devices, fail } = setup({ lockAfterFailures });
    const laptop = devices.issue(user(), []).token;
    const phone = devices.issue(user(), []).token;
    expect([await fail(user(), [laptop]), await fail(user(), [laptop]), await fail(user(), [laptop])]).toEqual([401, 401, 401]);
    expect(await fail(user(), [laptop])).toBe(423);
    expect(lockAfterFailures).not.toHaveBeenCalled();
    expect(await fail(user(), [phone])).toBe(401);
    expect(await fail(user(), [])).toBe(401);
    jest.setSystemTime(1_000_000 + 900_000);
    expect(await fail(user(), [laptop])).toBe(401);
  });

  it('locks an unknown identifier and an admin-locked account as a real one: at the threshold, for LOCKOUT_DURATION from then', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const lockAfterFailures = jest.fn(async () => true);
    const { fail } = setup({ lockAfterFailures });
    const adminLocked = user({ isLocked: true, lockReason: 'admin' });
    for (const account of ['Nobody@Example.test', adminLocked]) {
      expect(await fail(account)).toBe(401);
      jest.setSystemTime(1_030_000);
      expect([await fail(account), await fail(account)]).toEqual([401, 401]);
      expect(await fail(account)).toBe(423);
      // Not from the first failure (1_000_000): from the lock (1_030_000), as a real account's lockedUntil.
      jest.setSystemTime(1_030_000 + 899_999);
      expect(await fail(account)).toBe(423);
      jest.setSystemTime(1_030_000 + 900_000);
      expect([await fail(account), await fail(account)]).toEqual([401, 401]);
      jest.setSystemTime(1_000_000);
    }
    // Two failures since the lock ended: a third spelling of the same identifier reaches the threshold.
    jest.setSystemTime(1_930_001);
    expect(await fail('  NOBODY@example.test ')).toBe(401);
    expect(await fail('nobody@example.test')).toBe(423);
    expect(lockAfterFailures).not.toHaveBeenCalled();
  });

  it('refuses attempts past LOGIN_RATE_LIMIT_ACCOUNT with 429 and the seconds left, counting the refused ones', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { service, fail, metrics } = setup({}, {}, { ...config, rateLimit: { perAccount: 2, windowMs: 60_000 } } as AbuseConfig);
    expect([await fail('someone'), await fail('someone')]).toEqual([401, 401]);
    jest.setSystemTime(1_010_500);
    const { refusal } = await service.admit('someone', []);
    expect(refusal).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 50, message: 'Too many sign-in attempts; retry in 50 s' });
    expect(metricValue(await metrics.text(), 'gatehouse_rate_limited_total', { limit: 'login-account' })).toBe(1);
    jest.setSystemTime(1_060_000);
    expect(await fail('someone')).toBe(401);
  });

  it('ends an automatic lock on request (never an admin one), and forgets the counts of the account and its devices', async () => {
    const endAutomaticLock = jest.fn(async () => true);
    const { service, audit, devices, counter, fail } = setup({ endAutomaticLock, lockAfterFailures: async () => true });
    const laptop = devices.issue(user(), []).token;
    await fail(user());
    await fail(user(), [laptop]);
    await service.endAutomaticLock('u1', { ip: '198.51.100.1' });
    expect(endAutomaticLock).toHaveBeenCalledWith('u1');
    expect(audit.record).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'account.unlocked', subjectId: 'u1', ip: '198.51.100.1', details: { reason: 'owner_proven' } }));
    expect(await counter.read('u1')).toEqual(new Map());
    endAutomaticLock.mockResolvedValueOnce(false);
    audit.record.mockClear();
    await service.endAutomaticLock('u1', {});
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('leaves an admin lock alone and clears an expired automatic one', async () => {
    const releaseExpiredLock = jest.fn(async () => true);
    const { service, audit } = setup({ releaseExpiredLock });
    const admin = user({ isLocked: true, lockReason: 'admin', lockedUntil: new Date(0) });
    expect(await service.releaseIfExpired(admin, {})).toBe(admin);
    expect(releaseExpiredLock).not.toHaveBeenCalled();
    const expired = await service.releaseIfExpired(user({ isLocked: true, lockReason: 'failed_logins', lockedUntil: new Date(0) }), {});
    expect(expired).toMatchObject({ isLocked: false, lockReason: null, lockedUntil: null, lockedAt: null });
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ type: 'account.unlocked', details: { reason: 'expired' } }));
  });

  it('re-reads the row when clearing an expired lock loses a race (e.g. an admin locked it meanwhile)', async () => {
    const relocked = user({ isLocked: true, lockReason: 'admin' });
    const { service, audit } = setup({ releaseExpiredLock: async () => false }, { findById: async () => relocked });
    const result = await service.releaseIfExpired(user({ isLocked: true, lockReason: 'failed_logins', lockedUntil: new Date(0) }), {});
    expect(result).toBe(relocked);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('ends an automatic lock early and starts the count over, recording it only when a lock was ended', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const endAutomaticLock = jest.fn(async () => true);
    const { service, audit, fail } = setup({ lockAfterFailures, endAutomaticLock });
    await fail(user());
    await fail(user());
    await service.endAutomaticLock('u1', { ip: '203.0.113.9' });
    await fail(user());
    expect(lockAfterFailures).not.toHaveBeenCalled();
    expect(endAutomaticLock).toHaveBeenCalledWith('u1');
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ type: 'account.unlocked', subjectId: 'u1', ip: '203.0.113.9', details: { reason: 'owner_proven' } }));
    endAutomaticLock.mockResolvedValueOnce(false);
    await service.endAutomaticLock('u1', {});
    expect(audit.record.mock.calls.filter(([e]) => (e as { type: string }).type === 'account.unlocked')).toHaveLength(1);
  });

  it('starts the count of the clients without a device credential over when an expired lock is cleared', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const { service, fail } = setup({ lockAfterFailures, releaseExpiredLock: async () => true });
    await fail(user());
    await fail(user());
    await service.releaseIfExpired(user({ isLocked: true, lockReason: 'failed_logins', lockedUntil: new Date(0) }), {});
    await fail(user());
    await fail(user());
    expect(lockAfterFailures).not.toHaveBeenCalled();
    await fail(user());
    expect(lockAfterFailures).toHaveBeenCalledTimes(1);
  });

  it('counts a refused attempt toward the rate limit, and only a 429 as a rate-limited request', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const abuse = { ...config, lockout: { ...config.lockout, threshold: 1 }, rateLimit: { perAccount: 3, windowMs: 60_000 } } as AbuseConfig;
    const { service, fail, metrics } = setup({}, {}, abuse);
    expect(await fail('someone')).toBe(401);
    // Locked now: each refused attempt still spends the rate limit (2 and 3), then the limit answers.
    expect([await fail('someone'), await fail('someone')]).toEqual([423, 423]);
    expect(metricValue(await metrics.text(), 'gatehouse_rate_limited_total', { limit: 'login-account' })).toBe(0);
    expect((await service.admit('someone', [])).refusal).toMatchObject({ code: 'rate_limited' });
  });

  it('counts each unknown identifier on its own', async () => {
    const { fail } = setup();
    for (let i = 0; i < 3; i++) await fail('first@example.test');
    expect(await fail('first@example.test')).toBe(423);
    expect(await fail('second@example.test')).toBe(401);
  });

  it('starts the count over once a lock is set: a lock shorter than the window does not leave the old failures behind', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { fail } = setup({}, {}, { ...config, lockout: { threshold: 3, windowMs: 60_000, durationMs: 10_000 } } as AbuseConfig);
    for (let i = 0; i < 3; i++) await fail('someone');
    expect(await fail('someone')).toBe(423);
    jest.setSystemTime(1_010_000);
    expect([await fail('someone'), await fail('someone'), await fail('someone')]).toEqual([401, 401, 401]);
    expect(await fail('someone')).toBe(423);
  });
});

