import { BodyTooLarge, ndjsonLines, NdjsonLine } from './ndjson-lines';

async function linesOf(chunks: (string | Buffer)[], maxBytes = 1 << 20, maxLineBytes = 64): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  for await (const lines of ndjsonLines((async function* () {
    yield* chunks;
  })(), maxBytes, maxLineBytes)) out.push(...lines);
  return out;
}

describe('ndjsonLines', () => {
  it('splits on newlines whatever the chunking, numbering every line, blank ones skipped', async () => {
    const body = '{"a":1}\r\n\n  \n{"b":"é"}\n{"c":3}';
    const expected = [{ line: 1, text: '{"a":1}' }, { line: 4, text: '{"b":"é"}' }, { line: 5, text: '{"c":3}' }];
    await expect(linesOf([body])).resolves.toEqual(expected);
    // Byte by byte: a line (and the two bytes of "é") split across chunks is joined again.
    await expect(linesOf([...Buffer.from(body)].map((b) => Buffer.from([b])))).resolves.toEqual(expected);
  });

  it('reports a line over the limit as too long without keeping it, and goes on with the next', async () => {
    const long = 'x'.repeat(100);
    await expect(linesOf([`{"a":1}\n${long.slice(0, 30)}`, `${long.slice(30)}\n{"b":2}\n${long}`], 1 << 20, 64)).resolves.toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, tooLong: true },
      { line: 3, text: '{"b":2}' },
      { line: 4, tooLong: true },
    ]);
  });

  it.each([
    ['in small chunks', ['{"a":1}\n', '{"b":2}\n', '{"c":3}\n']],
    ['in one chunk', ['{"a":1}\n{"b":2}\n{"c":3}\n']],
    ['with the last line unterminated', ['{"a":1}\n{"b":2}\n{"c":3}']],
  ])('stops with BodyTooLarge at the first line past the limit, after the lines within it (%s)', async (_label, chunks) => {
    const seen: NdjsonLine[] = [];
    const read = async () => {
      for await (const lines of ndjsonLines((async function* () {
        yield* chunks;
      })(), 17, 64)) seen.push(...lines);
    };
    await expect(read()).rejects.toBeInstanceOf(BodyTooLarge);
    expect(seen).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
  });

  it('takes a body of exactly the limit', async () => {
    await expect(linesOf(['{"a":1}\n{"b":2}\n'], 16)).resolves.toHaveLength(2);
  });
});
