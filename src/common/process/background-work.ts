import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { PendingWork } from './pending-work';

/**
 * Work a route starts but does not answer with: it begins after the current request's handling has finished
 * (setImmediate runs once the handler's promises have settled, the answer included), so the answer's status, body
 * and timing cannot depend on it. Never throws to the caller: a failure is logged under `what`. Work still running
 * when the app closes is waited for (before the database closes), so none is cut off halfway.
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger('BackgroundWork');
  private readonly pending = new PendingWork();

  afterResponse(what: string, work: () => Promise<void>): void {
    this.pending.add(
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        // The message only: an error object may carry a statement's parameters (a token hash, an address).
        .catch((e: unknown) => this.logger.error(`${what} failed: ${e instanceof Error ? e.message : String(e)}`)),
    );
  }

  /** Resolves once no work is pending (shutdown; tests that check what the work did). */
  idle(): Promise<void> {
    return this.pending.idle();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.idle();
  }
}
