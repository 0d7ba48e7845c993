import { isAdminLocked, isEffectivelyLocked, isLockExpired } from './user-lock';
import { User } from './user.entity';

const now = new Date('2026-11-22T08:00:00Z');
const user = (fields: Partial<User>) => Object.assign(new User(), { isLocked: true, lockReason: null, lockedUntil: null, ...fields });

describe('lock expiry', () => {
  it('expires an automatic lock at lockedUntil', () => {
    const past = user({ lockReason: 'failed_logins', lockedUntil: new Date(now.getTime() - 1) });
    const future = user({ lockReason: 'failed_logins', lockedUntil: new Date(now.getTime() + 1) });
    expect(isLockExpired(past, now)).toBe(true);
    expect(isEffectivelyLocked(past, now)).toBe(false);
    expect(isLockExpired(future, now)).toBe(false);
    expect(isEffectivelyLocked(future, now)).toBe(true);
  });

  it('never expires an admin lock, a lock without a reason or one without an end', () => {
    const old = new Date(0);
    for (const u of [user({ lockReason: 'admin', lockedUntil: old }), user({ lockedUntil: old }), user({ lockReason: 'failed_logins' })]) {
      expect(isLockExpired(u, now)).toBe(false);
      expect(isEffectivelyLocked(u, now)).toBe(true);
    }
  });

  it('treats an unlocked user as unlocked whatever the other columns say', () => {
    expect(isEffectivelyLocked(user({ isLocked: false, lockReason: 'admin' }), now)).toBe(false);
  });

  it('tells an admin lock (or one without a reason) from an automatic one, running or run out', () => {
    expect([user({ lockReason: 'admin' }), user({})].map(isAdminLocked)).toEqual([true, true]);
    const automatic = [user({ lockReason: 'failed_logins', lockedUntil: new Date(now.getTime() + 1) }), user({ lockReason: 'failed_logins', lockedUntil: new Date(0) })];
    expect(automatic.map(isAdminLocked)).toEqual([false, false]);
    expect(isAdminLocked(user({ isLocked: false, lockReason: 'admin' }))).toBe(false);
  });
});
