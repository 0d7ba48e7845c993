import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { ReceivedMail } from './smtp';

/** The .eml files of an outbox folder (MAIL_OUTBOX_DIR), in name order, i.e. in the order they were written. */
export async function emlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.eml')).sort().map((n) => join(dir, n));
}

/** One .eml file parsed, in the shape the SMTP server's messages have (its recipients from the To header). */
export async function readEml(file: string): Promise<ReceivedMail> {
  const mail = await simpleParser(await readFile(file));
  const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
  return { to, from: String(mail.from?.text), subject: mail.subject ?? '', text: mail.text ?? '', html: String(mail.html), headers: mail.headers };
}
