/** What a template produces: a subject and the same words as plain text and as HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** A message to one recipient. The address is never logged, nor is the body (which may hold a link's token). */
export interface Mail extends MailContent {
  to: string;
}

/** How a message leaves: an SMTP server, or a file in the outbox folder. */
export abstract class MailTransport {
  /** Resolves once the message is handed over (accepted by the server, or written); rejects otherwise. */
  abstract deliver(mail: Mail): Promise<void>;
  /** Releases connections at shutdown. */
  close(): void {}
}

/** nodemailer's message: both bodies, and a header saying no one should auto-reply to it (RFC 3834). */
export function messageOf(mail: Mail, from: string) {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Auto-Submitted': 'auto-generated' } };
}
