import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { perBlock } from './per-block';
import { eventually } from './poll';

/** A message as the server received it: the envelope's recipients and the parsed message. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

/** A real SMTP server in this process (the `smtp-server` package): what the app sends over SMTP_URL arrives here. */
export interface TestSmtp {
  /** SMTP_URL for the app, with the credentials the server asks for. */
  url: string;
  received: ReceivedMail[];
  /** The next `count` messages are refused with a temporary failure (451), as a mail server under load does. */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

const USER = 'gatehouse';
const PASS = 'smtp-test-pass';

export async function startSmtpServer(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    logger: false,
    secure: false,
    // Plain SMTP on loopback: no STARTTLS to offer (its built-in certificate is for show), so AUTH over plain text.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    closeTimeout: 50,
    onAuth: (auth, _session, done) => (auth.username === USER && auth.password === PASS ? done(null, { user: USER }) : done(new Error('Invalid credentials'))),
    onData: (stream, session, done) => {
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on('end', () => done(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({ to, from: String(mail.from?.text), subject: mail.subject ?? '', text: mail.text ?? '', html: String(mail.html), headers: mail.headers });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    received,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The SMTP server of one describe block (declare it before the app that sends to it). */
export function useSmtpServer(): () => TestSmtp {
  return perBlock('the SMTP server', startSmtpServer, (smtp) => smtp.close());
}

/** The messages received for `address` so far. */
export function mailsTo(smtp: TestSmtp, address: string): ReceivedMail[] {
  return smtp.received.filter((m) => m.to.includes(address));
}

/** Waits until `count` messages for `address` have arrived (polling); returns them all, for the test to check. */
export function waitForMails(smtp: TestSmtp, address: string, count = 1): Promise<ReceivedMail[]> {
  return eventually(() => mailsTo(smtp, address), (mails) => mails.length >= count);
}

/** The token of the link to `path` (/reset-password, /verify-email) in a mail's text, or null when it has none. */
export function linkToken(mail: Pick<ReceivedMail, 'text'>, path: string): string | null {
  const url = mail.text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname === path);
  return url?.searchParams.get('token') ?? null;
}
