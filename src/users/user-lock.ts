import { User } from './user.entity';

/** The lock columns of an unlocked account. */
export const UNLOCKED = { isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null } as const;

/**
 * An automatic lock (too many failed passwords) whose time is up. Admin locks (reason `admin`, or any lock
 * without a reason, e.g. set by a tool that knows only `isLocked`) never expire.
 */
export function isLockExpired(user: User, now: Date): boolean {
  return user.isLocked && user.lockReason === 'failed_logins' && user.lockedUntil !== null && user.lockedUntil <= now;
}

/** Locked now: locked, and not an automatic lock that has run out. */
export function isEffectivelyLocked(user: User, now: Date): boolean {
  return user.isLocked && !isLockExpired(user, now);
}

/**
 * Locked by an admin (reason `admin`, or a lock without a reason): refuses every sign-in and ends sessions. An
 * automatic lock (`failed_logins`) does neither: it only keeps clients without a device credential from trying
 * passwords (see LockoutService), so wrong passwords typed by anyone can never sign the owner out.
 */
export function isAdminLocked(user: User): boolean {
  return user.isLocked && user.lockReason !== 'failed_logins';
}
