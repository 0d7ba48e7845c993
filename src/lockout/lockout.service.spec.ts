import { AuditService } from '../audit/audit.service';
import { AbuseConfig } from '../config/abuse.config';
import { Metrics } from '../metrics/metrics';
import { metricValue } from '../../test/support/metrics';
import { UserLocksService } from '../users/user-locks.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { LockoutService } from './lockout.service';
import { MemoryFailureCounter } from './memory-failure-counter';

const config = { lockout: { threshold: 3, windowMs: 60_000, durationMs: 900_000 } } as AbuseConfig;
const user = (fields: Partial<User> = {}) =>
  Object.assign(new User(), { id: 'u1', isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null, ...fields });

function setup(locks: Partial<UserLocksService>, users: Partial<UsersService> = {}) {
  const audit = { record: jest.fn() };
  const metrics = new Metrics();
  const service = new LockoutService(config, new MemoryFailureCounter(1000), locks as UserLocksService, users as UsersService, audit as unknown as AuditService, metrics);
  return { service, audit, metrics };
}

describe('LockoutService', () => {
  it('locks at the threshold, for LOCKOUT_DURATION, and records it once', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const { service, audit, metrics } = setup({ lockAfterFailures });
    expect(await service.recordFailure(user(), {})).toBe(false);
    expect(await service.recordFailure(user(), {})).toBe(false);
    expect(metricValue(await metrics.text(), 'gatehouse_lockouts_total')).toBe(0);
    expect(await service.recordFailure(user(), { ip: '203.0.113.7' })).toBe(true);
    expect(metricValue(await metrics.text(), 'gatehouse_lockouts_total')).toBe(1);
    const [, lockedAt, until] = lockAfterFailures.mock.calls[0] as unknown as [string, Date, Date];
    expect(until.getTime() - lockedAt.getTime()).toBe(900_000);
    expect(audit.record).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ type: 'account.locked', subjectId: 'u1', ip: '203.0.113.7' }));
  });

  it('records nothing when another instance (or an admin) locked the account first', async () => {
    const { service, audit } = setup({ lockAfterFailures: async () => false });
    for (let i = 0; i < 3; i++) await service.recordFailure(user(), {});
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('starts the count over after a success', async () => {
    const lockAfterFailures = jest.fn(async () => true);
    const { service } = setup({ lockAfterFailures });
    await service.recordFailure(user(), {});
    await service.recordFailure(user(), {});
    await service.recordSuccess(user());
    await service.recordFailure(user(), {});
    await service.recordFailure(user(), {});
    expect(lockAfterFailures).not.toHaveBeenCalled();
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
});
