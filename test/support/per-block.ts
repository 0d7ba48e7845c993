/**
 * A resource for the tests of one describe block: made by `start` in beforeAll, ended by `stop` in afterAll.
 * Returns how to reach it; reaching it outside the block's tests throws, rather than handing out a closed one or
 * another block's.
 */
export function perBlock<T>(what: string, start: () => Promise<T>, stop: (resource: T) => Promise<void>, startTimeoutMs?: number): () => T {
  let current: { resource: T } | null = null;
  beforeAll(async () => {
    current = { resource: await start() };
  }, startTimeoutMs);
  afterAll(async () => {
    const ended = current;
    current = null;
    if (ended) await stop(ended.resource);
  });
  return () => {
    if (!current) throw new Error(`${what} is used outside the tests of its describe block`);
    return current.resource;
  };
}
