import { getMetadataArgsStorage } from 'typeorm';
import { newUserRow } from './new-user';
import { User } from './user.entity';

/** Every column of the users table, as TypeORM maps it. */
const COLUMNS = getMetadataArgsStorage()
  .columns.filter((c) => c.target === User)
  .map((c) => c.propertyName);

describe('newUserRow', () => {
  it('sets every column explicitly, leaving none to a database default', () => {
    const row = newUserRow({ email: 'new@example.test' }, 'sync-system', new Date('2026-01-02T03:04:05.678Z'));
    expect(COLUMNS.length).toBeGreaterThan(20);
    expect(COLUMNS.filter((c) => row[c as keyof User] === undefined)).toEqual([]);
    expect(row).toBeInstanceOf(User);
  });

  it('starts a user active, unlocked, unverified, without password or roles, at generation 0', () => {
    const now = new Date('2026-01-02T03:04:05.678Z');
    expect(newUserRow({ email: 'new@example.test' }, 'sync-system', now)).toMatchObject({
      ...{ email: 'new@example.test', username: null, emailVerified: false, passwordHash: null, roles: null, using2FA: false },
      ...{ isActive: true, isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null, tokenGeneration: 0 },
      ...{ name: null, avatar: null, createdAt: now, updatedAt: now, createdBy: 'sync-system', updatedBy: null },
      ...{ deletedAt: null, deletedBy: null },
    });
  });

  it('takes what the creator decides, profile fields included, and gives each row its own ids', () => {
    const a = newUserRow({ email: 'a@example.test', username: 'a', emailVerified: true, roles: ['user'], profile: { firstName: 'Ann' } }, 'google');
    const b = newUserRow({ email: 'b@example.test' }, 'google');
    expect(a).toMatchObject({ username: 'a', emailVerified: true, roles: ['user'], firstName: 'Ann', lastName: null });
    expect(a.id).not.toBe(b.id);
    expect(a.guid).not.toBe(b.guid);
  });
});
