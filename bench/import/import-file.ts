import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as bcrypt from 'bcryptjs';
import { BENCH_PASSWORD } from '../support/gatehouse';

export const importedEmail = (i: number) => `imported.user${i}@bench.test`;
export const importedUsername = (i: number) => `imported.user${i}`;

/**
 * An NDJSON file of `users` sync bodies as a migration would send them: each with a bcrypt hash at the server's
 * cost (so a sign-in neither pads nor rehashes, and compares with users created one by one), e-mail, username,
 * names. A few distinct hashes of BENCH_PASSWORD, rotated: a million distinct ones would take hours to make.
 */
export async function writeImportFile(path: string, users: number, cost: number): Promise<void> {
  const hashes = Array.from({ length: 8 }, () => bcrypt.hashSync(BENCH_PASSWORD, cost));
  const out = createWriteStream(path);
  for (let i = 0; i < users; i++) {
    const line = JSON.stringify({
      email: importedEmail(i),
      username: importedUsername(i),
      passwordHash: hashes[i % hashes.length],
      emailVerified: true,
      firstName: 'Imported',
      lastName: `User ${i}`,
      roles: ['user'],
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
