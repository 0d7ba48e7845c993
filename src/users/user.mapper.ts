import { OrionUserDto } from './dto/orion-user.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { User } from './user.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Every JSON shape of a user, in one place. Entity → response, field by field. Listing fields explicitly (rather than spreading the entity) is what keeps
 * the password hash, and any secret column added later, out of every response.
 */
export function toUserResponse(u: User): UserResponseDto {
  return {
    id: u.id,
    _guid: u.guid,
    username: u.username,
    email: u.email,
    emailVerified: u.emailVerified,
    name: u.name,
    firstName: u.firstName,
    lastName: u.lastName,
    locale: u.locale,
    roles: u.roles,
    phoneNumber: u.phoneNumber,
    avatar: u.avatar,
    birthday: u.birthday,
    gender: u.gender,
    using2FA: u.using2FA,
    isActive: u.isActive,
    isLocked: u.isLocked,
    lockedAt: iso(u.lockedAt),
    createdAt: u.createdAt.toISOString(),
    createdBy: u.createdBy,
    updatedAt: u.updatedAt.toISOString(),
    updatedBy: u.updatedBy,
    deletedAt: iso(u.deletedAt),
    deletedBy: u.deletedBy,
  };
}

/** Display name: the stored name, else first + last, else the username, else the e-mail's local part. */
export function displayName(u: User): string {
  const full = [u.firstName, u.lastName].filter(Boolean).join(' ');
  return u.name || full || u.username || u.email.split('@')[0];
}

/** The user of an Orion sign-in answer. Field by field: never `secret2FA`, never the password hash (see OrionUserDto). */
export function toOrionUser(u: User): OrionUserDto {
  return { hash: u.guid, name: displayName(u), email: u.email, emailValid: u.emailVerified, using2FA: u.using2FA };
}
