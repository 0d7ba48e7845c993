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
 * Splits a byte stream into lines as it arrives, the lines of each chunk together (one promise per chunk, not per
 * line), holding at most one unfinished line in memory: a line longer than `maxLineBytes` is skipped up to its end
 * and reported as too long rather than buffered. Blank lines are skipped (their number still counts); a last line
 * without a newline is a line. Throws BodyTooLarge at the first line that ends past `maxBytes` (the lines wholly
 * within the limit are all yielded, however the bytes were chunked).
 */
export async function* ndjsonLines(body: AsyncIterable<Buffer | string>, maxBytes: number, maxLineBytes: number): AsyncGenerator<NdjsonLine[]> {
  const splitter = new LineSplitter(maxLineBytes);
  let total = 0;
  for await (const piece of body) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    const { lines, over } = splitter.push(chunk, maxBytes - total);
    if (lines.length > 0) yield lines;
    if (over) throw new BodyTooLarge(maxBytes);
    total += chunk.length;
  }
  if (total > maxBytes) throw new BodyTooLarge(maxBytes);
  const last = splitter.end();
  if (last) yield [last];
}

/** The line being assembled across chunks, and the numbering. */
class LineSplitter {
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  private tooLong = false;
  private line = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The lines this chunk completes; `over` when one of them ends past `budget` bytes from the chunk's start. */
  push(chunk: Buffer, budget: number): { lines: NdjsonLine[]; over: boolean } {
    const lines: NdjsonLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; start = end + 1, end = chunk.indexOf(NEWLINE, start)) {
      if (end + 1 > budget) return { lines, over: true };
      const done = this.finish(chunk.subarray(start, end));
      if (done) lines.push(done);
    }
    this.keep(chunk.subarray(start));
    return { lines, over: false };
  }

  /** The last line, when the body does not end with a newline. */
  end(): NdjsonLine | null {
    return this.pendingBytes > 0 || this.tooLong ? this.finish(Buffer.alloc(0)) : null;
  }

  private keep(rest: Buffer): void {
    if (this.tooLong || this.pendingBytes + rest.length > this.maxLineBytes) {
      this.tooLong = true;
      this.pending.length = 0;
      this.pendingBytes = 0;
    } else if (rest.length > 0) {
      this.pending.push(rest);
      this.pendingBytes += rest.length;
    }
  }

  private finish(last: Buffer): NdjsonLine | null {
    const line = ++this.line;
    const tooLong = this.tooLong || this.pendingBytes + last.length > this.maxLineBytes;
    const bytes = tooLong ? null : this.pending.length > 0 ? Buffer.concat([...this.pending, last]) : last;
    this.pending.length = 0;
    this.pendingBytes = 0;
    this.tooLong = false;
    if (!bytes) return { line, tooLong: true };
    const text = bytes.toString('utf8').trim();
    return text.length > 0 ? { line, text } : null;
  }
}
