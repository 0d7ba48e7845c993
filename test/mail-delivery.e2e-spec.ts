import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachDatabase, SQLITE } from './support/databases';
import { emlFiles, readEml } from './support/outbox';
import { eventually } from './support/poll';
import { freePort } from './support/processes';
import { forgotPassword, resetPassword } from './support/self-service';
import { passwordSignIn } from './support/sessions';
import { linkToken, useSmtpServer, waitForMails } from './support/smtp';
import { useTestApp } from './support/test-app';
import { newUser } from './support/users';

interface LogLine {
  level: number;
  msg: string;
}

/** The app's log lines, captured (LOG_LEVEL info), and the app options that send them here. */
function capturedLogs() {
  const raw: string[] = [];
  return {
    lines: () => raw.map((l) => JSON.parse(l) as LogLine),
    all: () => raw.join('\n'),
    options: { app: { logger: undefined, logDestination: { write: (s: string) => void raw.push(s) } } },
  };
}

describeEachDatabase('mail without SMTP_URL (the default): the outbox folder', (kind) => {
  const outbox = join(process.env.GATEHOUSE_TEST_TMP ?? '/tmp', `outbox-${randomBytes(4).toString('hex')}`);
  const logs = capturedLogs();
  const t = useTestApp(kind, { SMTP_URL: undefined, MAIL_OUTBOX_DIR: outbox, LOG_LEVEL: 'info' }, logs.options);

  it('writes each mail as an .eml file (owner-only), whose link works, and logs where without the recipient or the link', async () => {
    const user = await newUser(t, { prefix: 'outboxed' });
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const files = await eventually(() => emlFiles(outbox), (found) => found.length > 0);
    expect(files).toHaveLength(1);
    expect(statSync(files[0]).mode & 0o777).toBe(0o600);
    const mail = await readEml(files[0]);
    expect(mail).toMatchObject({ to: [user.email], subject: 'Reset your password' });
    const token = linkToken(mail, '/reset-password')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const messages = logs.lines().map((l) => l.msg);
    expect(messages).toContain(`SMTP_URL is not set: mails are written to ${outbox} as .eml files, not sent`);
    expect(messages).toContain(`Mail "Reset your password" written to ${files[0]} (SMTP_URL is not set, so it was not sent)`);
    expect(logs.all()).not.toContain(user.email);
    expect(logs.all()).not.toContain(token);

    expect((await resetPassword(t, token, 'From-the-file-passw0rd')).status).toBe(200);
    expect((await passwordSignIn(t, user.email, 'From-the-file-passw0rd')).status).toBe(200);
  });
});

describe('mail over SMTP when the server refuses for a while [sqlite]', () => {
  const smtp = useSmtpServer();
  const logs = capturedLogs();
  const t = useTestApp(SQLITE, () => ({ SMTP_URL: smtp().url, MAIL_RETRY_DELAY: '50ms', LOG_LEVEL: 'info' }), logs.options);

  it('answers at once, retries the delivery until the server takes it, and logs each failure without the recipient', async () => {
    const user = await newUser(t, { prefix: 'retried' });
    smtp().refuseNext(2);
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const [mail] = await waitForMails(smtp(), user.email);
    expect(mail.subject).toBe('Reset your password');
    const warnings = logs.lines().filter((l) => l.msg.startsWith('Mail "Reset your password" not delivered'));
    expect(warnings.map((l) => l.msg.match(/attempt \d of 4/)?.[0])).toEqual(['attempt 1 of 4', 'attempt 2 of 4']);
    for (const w of warnings) expect(w.msg).toMatch(/451.*retrying in \d+ ms$/);
    expect(logs.all()).not.toContain(user.email);
  });
});

describe('mail over SMTP when the server cannot be reached [sqlite]', () => {
  const logs = capturedLogs();
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
  });
  const t = useTestApp(SQLITE, () => ({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_DELAY: '50ms', LOG_LEVEL: 'info' }), logs.options);

  it('still answers the request as usual, and gives up after four attempts with an error in the log', async () => {
    const user = await newUser(t, { prefix: 'unreachable' });
    expect((await forgotPassword(t, user.email)).status).toBe(202);
    const gaveUp = await eventually(() => logs.lines().filter((l) => l.msg.includes('given up')), (found) => found.length > 0);
    expect(gaveUp).toEqual([expect.objectContaining({ level: 50, msg: expect.stringMatching(/^Mail "Reset your password" not delivered \(attempt 4 of 4\): ESOCKET: connect ECONNREFUSED .*; given up$/) })]);
    expect(logs.all()).not.toContain(user.email);
  });
});
