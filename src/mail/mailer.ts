import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PendingWork } from '../common/process/pending-work';
import { mailConfig, MailConfig } from '../config/mail.config';
import { Mail, MailContent, MailTransport } from './mail';

/** Attempts per message: the first and three retries (after MAIL_RETRY_DELAY, then twice and four times that). */
export const MAX_ATTEMPTS = 4;

/** Anything shaped like an e-mail address in an error (a server's "550 <x@y>: no such user"). */
const ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;

/** An SMTP error for the log: its code and the server's reply, with any address blanked out. */
export function describeFailure(e: unknown): string {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = [err.code, err.responseCode].filter((v) => v !== undefined).join(' ');
  const message = String(err.message ?? e).replace(ADDRESS, '<address>');
  return code ? `${code}: ${message}` : message;
}

/**
 * Sends mail in the background: send() returns at once and never throws, so no HTTP answer waits for a mail
 * server or fails because of one. A failed delivery is logged (without the recipient) and retried a few times with
 * a growing delay; the queue is in memory, so a restart drops retries still waiting (logged at shutdown). Mails
 * being delivered when the app closes are finished first.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly deliveries = new PendingWork();
  private readonly retries = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly transport: MailTransport,
    @Inject(mailConfig.KEY) private readonly config: Pick<MailConfig, 'retryDelayMs'>,
  ) {}

  send(to: string, content: MailContent): void {
    this.attempt({ to, ...content }, 1);
  }

  /** Resolves once no delivery is under way (retries waiting for their time aside). */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  /** After every other module's shutdown hook (the e-mail flows' background work has queued its mails by then). */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.retries.size > 0) this.logger.warn(`${this.retries.size} mail(s) waiting for a retry are dropped at shutdown`);
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await this.idle();
    this.transport.close();
  }

  private attempt(mail: Mail, attempt: number): void {
    this.deliveries.add(this.transport.deliver(mail).catch((e: unknown) => this.failed(mail, attempt, e)));
  }

  private failed(mail: Mail, attempt: number, e: unknown): void {
    const what = `Mail "${mail.subject}" not delivered (attempt ${attempt} of ${MAX_ATTEMPTS}): ${describeFailure(e)}`;
    if (attempt >= MAX_ATTEMPTS || this.closing) {
      this.logger.error(`${what}; given up`);
      return;
    }
    const delayMs = this.config.retryDelayMs * 2 ** (attempt - 1);
    this.logger.warn(`${what}; retrying in ${delayMs} ms`);
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.attempt(mail, attempt + 1);
    }, delayMs);
    this.retries.add(timer);
  }
}
