import { createTransport, Transporter } from 'nodemailer';
import { Mail, MailTransport, messageOf } from './mail';

/**
 * Delivery to the SMTP server of SMTP_URL (smtp:// with STARTTLS when the server offers it, smtps:// for TLS from
 * the start), through a small pool of connections that also queues what exceeds it. Timeouts well under
 * nodemailer's minutes, so a server that hangs fails the attempt and the retry comes sooner. Options in the URL's
 * query string (`?maxConnections=5`) override these.
 */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async deliver(mail: Mail): Promise<void> {
    await this.transporter.sendMail(messageOf(mail, this.from));
  }

  override close(): void {
    this.transporter.close();
  }
}
