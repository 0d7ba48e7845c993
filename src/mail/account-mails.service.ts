import { Inject, Injectable } from '@nestjs/common';
import { mailConfig, MailConfig } from '../config/mail.config';
import { Mailer } from './mailer';
import { accountExistsMail, passwordResetMail, signUpNotCompletedMail, verificationMail } from './templates/account-mails';

/**
 * The mails of the e-mail flows, with their links into the SPA (APP_URL): `/reset-password?token=…` and
 * `/verify-email?token=…`. Each method queues the mail and returns at once (see Mailer). The token is a link's
 * only secret: it goes into the mail and nowhere else (no log, no response).
 */
@Injectable()
export class AccountMails {
  /** The SPA's host, as the mails name the site. */
  private readonly site: string;

  constructor(
    private readonly mailer: Mailer,
    @Inject(mailConfig.KEY) private readonly config: Pick<MailConfig, 'appUrl'>,
  ) {
    this.site = new URL(config.appUrl).host;
  }

  passwordReset(to: string, token: string, ttlMs: number): void {
    this.mailer.send(to, passwordResetMail(this.site, this.link('/reset-password', token), ttlMs));
  }

  verification(to: string, token: string, ttlMs: number, afterSignUp: boolean): void {
    this.mailer.send(to, verificationMail(this.site, this.link('/verify-email', token), ttlMs, afterSignUp));
  }

  accountExists(to: string): void {
    this.mailer.send(to, accountExistsMail(this.site, this.config.appUrl));
  }

  signUpNotCompleted(to: string): void {
    this.mailer.send(to, signUpNotCompletedMail(this.site, this.config.appUrl));
  }

  private link(path: string, token: string): string {
    return `${this.config.appUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
