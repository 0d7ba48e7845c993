/** One line of an NDJSON body: its number (blank lines counted) and its text, or the note that it was too long. */
export type NdjsonLine = { line: number; text: string } | { line: number; tooLong: true };

/** The body went over its limit: what was read before is handled, the rest is not read. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
  }
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines as it arrives, holding at most one line in memory: a line longer than
 * `maxLineBytes` is skipped up to its end and reported as too long rather than buffered. Blank lines are skipped
 * (their number still counts); a last line without a newline is a line. Throws BodyTooLarge at the first line that
 * ends past `maxBytes` (the lines wholly within the limit are all yielded, however the bytes were chunked).
 */
export async function* ndjsonLines(body: AsyncIterable<Buffer | string>, maxBytes: number, maxLineBytes: number): AsyncGenerator<NdjsonLine> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;
  let total = 0;
  const finish = (last: Buffer): NdjsonLine | null => {
    line++;
    const result: NdjsonLine | null = tooLong || pendingBytes + last.length > maxLineBytes ? { line, tooLong: true } : textLine(line, pending, last);
    pending.length = 0;
    pendingBytes = 0;
    tooLong = false;
    return result;
  };
  for await (const piece of body) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; start = end + 1, end = chunk.indexOf(NEWLINE, start)) {
      if (total + end + 1 > maxBytes) throw new BodyTooLarge(maxBytes);
      const done = finish(chunk.subarray(start, end));
      if (done) yield done;
    }
    const rest = chunk.subarray(start);
    if (tooLong || pendingBytes + rest.length > maxLineBytes) {
      tooLong = true;
      pending.length = 0;
      pendingBytes = 0;
    } else if (rest.length > 0) {
      pending.push(rest);
      pendingBytes += rest.length;
    }
    total += chunk.length;
  }
  if (total > maxBytes) throw new BodyTooLarge(maxBytes);
  if (pendingBytes > 0 || tooLong) {
    const done = finish(Buffer.alloc(0));
    if (done) yield done;
  }
}

function textLine(line: number, pending: Buffer[], last: Buffer): NdjsonLine | null {
  const text = (pending.length > 0 ? Buffer.concat([...pending, last]) : last).toString('utf8').trim();
  return text.length > 0 ? { line, text } : null;
}
