import { Readable } from 'node:stream';

/**
 * A password piped in (`... create-admin a@b.c < file`, or from a secret manager): everything on standard input,
 * without the final line break that `echo` and editors add. Never from an argument, which `ps` and the shell
 * history show to anyone on the machine.
 */
export async function readPiped(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
