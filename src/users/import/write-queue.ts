import { ImportResult } from './import-result';

/** One batch being written: what it touches (known once it has read its users) and its result lines (once committed). */
export interface BatchWrite {
  touched: Promise<Set<string>>;
  results: Promise<ImportResult[]>;
}

/** The e-mails and usernames of sync bodies or of stored users, as keys of one set. */
export function namesOf(items: { email?: string | null; username?: string | null }[]): string[] {
  const names: string[] = [];
  for (const { email, username } of items) {
    if (email) names.push(`e:${email}`);
    if (username) names.push(`u:${username}`);
  }
  return names;
}

/**
 * The batches of one import being written, oldest first, at most `depth` at once. A batch joins the ones in flight
 * only when it names no e-mail or username that they name or that a user they read has: a batch can only match a
 * stored user by one of its own names, and only give a user names its lines carry, so such batches touch disjoint
 * users and commit to the same result in any order as one after the other. Otherwise it waits for them. Answers are
 * taken oldest first, so they stay in the order of the lines.
 */
export class WriteQueue {
  private readonly writes: BatchWrite[] = [];
  /** A batch in flight failed: no batch starts after it (its lines could never be answered). */
  private failed = false;

  constructor(private readonly depth: number) {}

  get size(): number {
    return this.writes.length;
  }

  /**
   * True when a batch naming `names` may not start now: the queue is full, it depends on a batch in flight, or one in
   * flight has failed (the caller then takes the answers up to it, and stops).
   */
  async mustWait(names: string[]): Promise<boolean> {
    if (this.writes.length >= this.depth || this.failed) return true;
    for (const write of this.writes) {
      const touched = await write.touched;
      if (names.some((name) => touched.has(name))) return true;
    }
    return false;
  }

  push(write: BatchWrite): void {
    this.writes.push(write);
    write.results.catch(() => (this.failed = true));
  }

  /** Waits until every batch still in flight has committed or failed, and forgets them (none will be answered). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.writes.splice(0).map((write) => write.results));
  }

  /** The oldest batch's results; throws what made it fail. */
  async next(): Promise<ImportResult[]> {
    const write = this.writes.shift();
    if (!write) throw new Error('no batch in flight');
    return write.results;
  }
}
