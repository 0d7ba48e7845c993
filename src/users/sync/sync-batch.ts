import { EntityManager } from 'typeorm';
import { ApiError } from '../../common/errors/api-error';
import { BulkRows } from '../../database/bulk-rows';
import { SyncUserDto } from '../dto/sync-user.dto';
import { User } from '../user.entity';
import { StaleCredential, SyncCredential } from './sync-credential';
import { matchUser } from './sync-match';
import { planSync, SyncStatus } from './sync-plan';
import { identifiersOf, UserView } from './user-view';

export interface SyncItem {
  dto: SyncUserDto;
  credential: SyncCredential;
}

export type SyncOutcome = { status: SyncStatus; user: User } | { status: 'error'; error: ApiError };

/** The columns a sync may change on an existing user; the others (locks, creation, 2FA) keep their stored value. */
export const SYNCED_COLUMNS: (keyof User & string)[] = [
  'username', 'email', 'emailVerified', 'passwordHash', 'importedPasswordDigest', 'name', 'firstName', 'lastName',
  'locale', 'phoneNumber', 'avatar', 'birthday', 'gender', 'roles', 'isActive', 'tokenGeneration', 'updatedAt',
  'updatedBy', 'deletedAt', 'deletedBy',
];

/**
 * One batch of syncs inside one transaction: one read of every user the batch names (locked on PostgreSQL until
 * the commit), the decision of each body in order, exactly as successive PUT /api/users would decide them, then one
 * multi-row upsert of the rows changed and one insert (COPY on PostgreSQL) of those created. A refused body (409,
 * 400) is that body's outcome and leaves the others going. Returns the outcomes of the items decided, in order: fewer
 * than given when a plain password was checked against a user that has changed since (that item and the rest must
 * be worked out again).
 */
export async function applySyncBatch(em: EntityManager, rows: BulkRows<User>, items: SyncItem[], actorId: string, onRead?: (users: User[]) => void): Promise<SyncOutcome[]> {
  const stored = await rows.findAny(em, identifiersOf(items.map((i) => i.dto)), true);
  onRead?.(stored);
  const view = new UserView(stored);
  const now = new Date();
  const outcomes: SyncOutcome[] = [];
  for (const { dto, credential } of items) {
    try {
      const existing = matchUser(view, dto);
      const plan = planSync(existing, dto, credential, actorId, now);
      if (plan.status !== 'unchanged') view.put(plan.row, existing);
      outcomes.push({ status: plan.status, user: plan.row });
    } catch (e) {
      if (e instanceof StaleCredential) break;
      if (!(e instanceof ApiError)) throw e;
      outcomes.push({ status: 'error', error: e });
    }
  }
  // Changed users first: a batch may free an e-mail or username (one user renamed) that a new user then takes.
  const { updated, created } = view.changes;
  await rows.upsert(em, updated);
  await rows.insert(em, created);
  return outcomes;
}

/** The users the bodies match now, outside any transaction (null where none, or where the match is refused). */
export async function currentMatches(em: EntityManager, rows: BulkRows<User>, dtos: SyncUserDto[]): Promise<(User | null)[]> {
  const view = new UserView(await rows.findAny(em, identifiersOf(dtos), false));
  return dtos.map((dto) => {
    try {
      return matchUser(view, dto);
    } catch {
      return null;
    }
  });
}
