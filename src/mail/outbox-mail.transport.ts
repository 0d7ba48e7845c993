import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { Mail, MailTransport, messageOf } from './mail';

/**
 * Without SMTP_URL (the embedded default): each message, composed exactly as it would be sent, is written as an
 * .eml file (any mail client opens it) under MAIL_OUTBOX_DIR, so the quick start works with no mail server. The
 * log line names the file and the subject, never the recipient or the link: the link's token opens the account.
 */
export class OutboxMailTransport extends MailTransport {
  private readonly composer: Transporter;

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly logger = new Logger('Mail'),
  ) {
    super();
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.logger.log(`SMTP_URL is not set: mails are written to ${dir} as .eml files, not sent`);
  }

  async deliver(mail: Mail): Promise<void> {
    const { message } = await this.composer.sendMail(messageOf(mail, this.from));
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // Time first, so a directory listing is in order; the random part keeps two mails of one millisecond apart.
    const file = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
    // Owner-only: until it is used or expires, the link in it opens the account.
    await writeFile(file, message as Buffer, { mode: 0o600 });
    this.logger.log(`Mail "${mail.subject}" written to ${file} (SMTP_URL is not set, so it was not sent)`);
  }
}
