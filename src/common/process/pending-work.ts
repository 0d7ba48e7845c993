/**
 * Promises started and not awaited by whoever started them (an audit insert, a mail delivery, work after an
 * answer), kept until they settle so that shutdown, and tests, can wait for them. What is added must not reject:
 * its failure is handled (logged) inside.
 */
export class PendingWork {
  private readonly pending = new Set<Promise<unknown>>();

  add(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Resolves once nothing is pending, including what was added while waiting. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
