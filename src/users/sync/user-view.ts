import { User } from '../user.entity';

/**
 * The users a batch of syncs may touch, by e-mail and by username, soft-deleted ones included, as read at the start
 * of its transaction; each decision of the batch is put back into it, so the next line of the same batch sees it as
 * the next PUT /api/users would see the previous one's commit.
 */
export class UserView {
  private readonly emails = new Map<string, User>();
  private readonly usernames = new Map<string, User>();
  /** Rows created or changed by the batch, by id: each is written once, in its final state. */
  private readonly written = new Map<string, User>();
  /** The ids of the rows read: the others the batch writes are new. */
  private readonly stored = new Set<string>();

  constructor(rows: User[]) {
    for (const row of rows) {
      this.index(row);
      this.stored.add(row.id);
    }
  }

  byEmail(email: string): User | null {
    return this.emails.get(email) ?? null;
  }

  byUsername(username: string): User | null {
    return this.usernames.get(username) ?? null;
  }

  /** The row a decision produced, in place of the one it was made from (null for a new user). */
  put(row: User, previous: User | null): void {
    if (previous?.username && previous.username !== row.username) this.usernames.delete(previous.username);
    if (previous && previous.email !== row.email) this.emails.delete(previous.email);
    this.index(row);
    this.written.set(row.id, row);
  }

  /** The stored rows the batch changed (an upsert), then the rows it created (inserts). */
  get changes(): { updated: User[]; created: User[] } {
    const rows = [...this.written.values()];
    return { updated: rows.filter((r) => this.stored.has(r.id)), created: rows.filter((r) => !this.stored.has(r.id)) };
  }

  private index(row: User): void {
    this.emails.set(row.email, row);
    if (row.username) this.usernames.set(row.username, row);
  }
}

/** The e-mails and usernames a batch of sync bodies names: what its view must hold. */
export function identifiersOf(bodies: { email?: string; username?: string }[]): { email: string[]; username: string[] } {
  const email = new Set<string>();
  const username = new Set<string>();
  for (const b of bodies) {
    if (b.email) email.add(b.email);
    if (b.username) username.add(b.username);
  }
  return { email: [...email], username: [...username] };
}
