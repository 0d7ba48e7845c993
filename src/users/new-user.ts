import { newUserGuid, newUserId } from '../common/ids/ids';
import { ProfileField } from './profile-changes';
import { User } from './user.entity';

/** What the creator decides about a new user; everything else starts the same for every user. */
export interface NewUserFields {
  email: string;
  username?: string | null;
  emailVerified?: boolean;
  passwordHash?: string | null;
  importedPasswordDigest?: string | null;
  roles?: string[] | null;
  isActive?: boolean;
  /** Profile fields given; the others start null. */
  profile?: Partial<Pick<User, ProfileField>>;
}

/**
 * The one builder of a new user row, for every way a user is created (sync, Google sign-in). Every column is set
 * here, none left to a database default: the row the service returns is then exactly the row stored, on SQLite and
 * PostgreSQL alike, and a column added to User fails to compile until it gets its starting value here.
 */
export function newUserRow(fields: NewUserFields, createdBy: string, now: Date = new Date()): User {
  const row: User = {
    id: newUserId(),
    guid: newUserGuid(),
    username: fields.username ?? null,
    email: fields.email,
    emailVerified: fields.emailVerified ?? false,
    passwordHash: fields.passwordHash ?? null,
    importedPasswordDigest: fields.importedPasswordDigest ?? null,
    name: null,
    firstName: null,
    lastName: null,
    locale: null,
    phoneNumber: null,
    avatar: null,
    birthday: null,
    gender: null,
    ...fields.profile,
    roles: fields.roles ?? null,
    using2FA: false,
    isActive: fields.isActive ?? true,
    isLocked: false,
    lockedAt: null,
    lockReason: null,
    lockedUntil: null,
    tokenGeneration: 0,
    createdAt: now,
    createdBy,
    updatedAt: now,
    updatedBy: null,
    deletedAt: null,
    deletedBy: null,
  };
  return Object.assign(new User(), row);
}
