import { Module } from '@nestjs/common';
import { mailConfig, MailConfig } from '../config/mail.config';
import { AccountMails } from './account-mails.service';
import { MailTransport } from './mail';
import { Mailer } from './mailer';
import { OutboxMailTransport } from './outbox-mail.transport';
import { SmtpMailTransport } from './smtp-mail.transport';

/** Outgoing mail: SMTP when SMTP_URL is set, else .eml files in MAIL_OUTBOX_DIR; sent in the background. */
@Module({
  providers: [
    {
      provide: MailTransport,
      inject: [mailConfig.KEY],
      useFactory: (mail: MailConfig) => (mail.smtpUrl ? new SmtpMailTransport(mail.smtpUrl, mail.from) : new OutboxMailTransport(mail.outboxDir, mail.from)),
    },
    Mailer,
    AccountMails,
  ],
  exports: [AccountMails],
})
export class MailModule {}
