import { settled } from '../../../test/support/settled';
import { ImportResult } from './import-result';
import { BatchWrite, namesOf, WriteQueue } from './write-queue';

/** A batch in flight whose read and commit the test settles by hand. */
function batch(names: string[]): BatchWrite & { read(users: { email: string; username?: string }[]): void; commit(results: ImportResult[]): void } {
  let read!: (users: { email: string; username?: string }[]) => void;
  let commit!: (results: ImportResult[]) => void;
  const touched = new Promise<{ email: string; username?: string }[]>((resolve) => (read = resolve)).then((users) => new Set([...names, ...namesOf(users)]));
  const results = new Promise<ImportResult[]>((resolve) => (commit = resolve));
  return { touched, results, read, commit };
}

describe('WriteQueue', () => {
  it('names e-mails and usernames apart, skipping the empty ones', () => {
    expect(namesOf([{ email: 'a@x.test', username: 'a' }, { email: 'a', username: null }, { username: 'b' }])).toEqual(['e:a@x.test', 'u:a', 'e:a', 'u:b']);
  });

  it('lets a batch naming other users start while one is in flight, once that one has read its users', async () => {
    const queue = new WriteQueue(2);
    const first = batch(['e:one@x.test']);
    queue.push(first);
    const decision = queue.mustWait(['e:two@x.test']);
    // Not before the batch in flight has read (and locked) its users: what it touches is not known until then.
    expect(await settled(decision)).toBe(false);
    first.read([{ email: 'one@x.test', username: 'one' }]);
    expect(await decision).toBe(false);
  });

  it('holds back a batch that names a user of one in flight: by its lines, or by a user it read under another name', async () => {
    const queue = new WriteQueue(2);
    const first = batch(['e:one@x.test', 'u:renamed']);
    queue.push(first);
    first.read([{ email: 'one@x.test', username: 'old-name' }]);
    expect(await queue.mustWait(['e:one@x.test'])).toBe(true);
    expect(await queue.mustWait(['u:renamed'])).toBe(true);
    expect(await queue.mustWait(['e:other@x.test', 'u:old-name'])).toBe(true);
    expect(await queue.mustWait(['e:other@x.test', 'u:other'])).toBe(false);
  });

  it('holds back any batch once `depth` are in flight, and hands the results out oldest first', async () => {
    const queue = new WriteQueue(2);
    const [first, second] = [batch(['e:1@x.test']), batch(['e:2@x.test'])];
    queue.push(first);
    queue.push(second);
    expect(await queue.mustWait([])).toBe(true);
    second.commit([{ line: 2, status: 'created', id: '2' }]);
    const oldest = queue.next();
    expect(await settled(oldest)).toBe(false);
    first.commit([{ line: 1, status: 'created', id: '1' }]);
    expect(await oldest).toEqual([{ line: 1, status: 'created', id: '1' }]);
    expect(await queue.next()).toEqual([{ line: 2, status: 'created', id: '2' }]);
    expect(queue.size).toBe(0);
    await expect(queue.next()).rejects.toThrow('no batch in flight');
  });

  it('with a depth of 1 writes one batch at a time', async () => {
    const queue = new WriteQueue(1);
    queue.push(batch(['e:1@x.test']));
    expect(await queue.mustWait(['e:2@x.test'])).toBe(true);
  });
});
