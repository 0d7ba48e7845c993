import { Errors } from '../../common/errors/api-error';
import { SyncUserDto } from '../dto/sync-user.dto';
import { newUserRow } from '../new-user';
import { profileChanges } from '../profile-changes';
import { User } from '../user.entity';
import { passwordChange, SyncCredential } from './sync-credential';

export type SyncStatus = 'created' | 'updated' | 'unchanged';

/** What one sync body does to the user it matched (or to no user): the row as it is to be stored. */
export interface SyncPlan {
  status: SyncStatus;
  row: User;
}

/**
 * The decision of PUT /api/users for one body, shared by the import: create the user, update the fields that
 * differ, or leave it unchanged (nothing written, no session ended) when every field sent already has that value.
 * Pure: the caller reads the matched user before and writes the row after, in one transaction.
 */
export function planSync(existing: User | null, dto: SyncUserDto, credential: SyncCredential, actorId: string, now: Date): SyncPlan {
  const password = passwordChange(existing, credential);
  if (!existing) return { status: 'created', row: createdRow(dto, password, actorId, now) };
  const changes = differences(existing, dto, password ?? {});
  if (Object.keys(changes).length === 0) return { status: 'unchanged', row: existing };
  // A new password or a disabled account ends the user's sessions (access and refresh tokens), atomically with the
  // change. Changed roles end them too: tokens already issued carry the old `groups`, which other services trust.
  const endsSessions = changes.passwordHash !== undefined || changes.isActive === false || changes.roles !== undefined;
  const row = Object.assign(new User(), existing, changes, { updatedAt: now, updatedBy: actorId });
  if (endsSessions) row.tokenGeneration = existing.tokenGeneration + 1;
  return { status: 'updated', row };
}

function createdRow(dto: SyncUserDto, password: Partial<User> | null, actorId: string, now: Date): User {
  const { email, username, emailVerified, roles, isActive } = dto;
  // No user matched a body without e-mail (a username nobody has): there is nothing to update and no e-mail to
  // create a user with.
  if (!email) throw Errors.badInput([{ field: 'email', reason: 'is required to create a user' }]);
  return newUserRow({ email, username, emailVerified, roles, isActive, ...password, profile: profileChanges(dto) }, actorId, now);
}

/** The columns whose value the body changes (a field sent with the value already stored is no change). */
function differences(existing: User, dto: SyncUserDto, password: Partial<User>): Partial<User> {
  const changes: Partial<User> = {};
  const sent: Partial<User> = {
    username: dto.username,
    email: dto.email,
    emailVerified: dto.emailVerified,
    roles: dto.roles,
    isActive: dto.isActive,
    ...profileChanges(dto),
    ...password,
  };
  for (const [key, value] of Object.entries(sent) as [keyof User, unknown][]) {
    if (value !== undefined && !sameValue(existing[key], value)) Object.assign(changes, { [key]: value });
  }
  if (existing.deletedAt) Object.assign(changes, { deletedAt: null, deletedBy: null });
  return changes;
}

/** Roles are compared by content and order (as stored); everything else is a string, boolean or null. */
const sameValue = (a: unknown, b: unknown): boolean => (Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b);
