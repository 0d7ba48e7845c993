import { Errors } from '../../common/errors/api-error';
import { SyncUserDto } from '../dto/sync-user.dto';
import { User } from '../user.entity';
import { UserView } from './user-view';

/**
 * The user a sync body describes: matched by e-mail, else by username; null when it is a new user. Refuses (409) a
 * match that would take over someone else's account, and a soft-deleted user unless the body says `restore`.
 */
export function matchUser(view: UserView, dto: SyncUserDto): User | null {
  // Soft-deleted users are in the view too: their e-mail and username stay taken until they are restored. Both
  // lookups answer from one read (one statement, one snapshot), so a concurrent sync of the same identity cannot
  // commit between them.
  const byEmail = dto.email ? view.byEmail(dto.email) : null;
  const byUsername = dto.username ? view.byUsername(dto.username) : null;
  if (byUsername && (byEmail ? byUsername.id !== byEmail.id : dto.email !== undefined)) {
    // Updating that user would rewrite another person's e-mail from a sync: refuse rather than take it over.
    throw Errors.conflict('username_taken', `username "${dto.username}" belongs to another user`);
  }
  const existing = byEmail ?? byUsername;
  if (existing?.deletedAt && !dto.restore) {
    // Silently reviving a deleted account from a routine sync could undo an admin's decision: it must be explicit.
    throw Errors.conflict('user_deleted', `The user ${existing.email} was deleted; send "restore": true to restore and update it`);
  }
  return existing;
}
