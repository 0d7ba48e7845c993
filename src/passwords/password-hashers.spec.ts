import { BcryptjsWorkersHasher } from './bcryptjs-workers.hasher';
import { BcryptjsHasher } from './bcryptjs.hasher';
import { loadNativeBcrypt } from './native-bcrypt';
import { NativeBcryptHasher } from './native-bcrypt.hasher';
import { PasswordHasher } from './password-hasher';
import { eventually } from '../../test/support/poll';

/** The seed document's user: `$2b$06$…` for "C3rs3i#L4nnist3r". */
const SEED_HASH = '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';
const SEED_PASSWORD = 'C3rs3i#L4nnist3r';

function nativeLoads(): boolean {
  try {
    return Boolean(loadNativeBcrypt());
  } catch {
    return false;
  }
}

const implementations: { label: string; make: (cost: number) => PasswordHasher | null }[] = [
  { label: 'BcryptjsHasher', make: (cost) => new BcryptjsHasher(cost) },
  { label: 'BcryptjsWorkersHasher (worker threads, loaded from the .ts sources)', make: (cost) => new BcryptjsWorkersHasher(cost, 2) },
  { label: 'NativeBcryptHasher (bcrypt, worker threads, loaded from the .ts sources)', make: (cost) => {
      return nativeLoads() ? new NativeBcryptHasher(cost, 2) : null;
    }, },
];

/** The same prefix the other variants of bcrypt write; for ASCII passwords the algorithm is identical. */
const withPrefix = (hash: string, prefix: '2a' | '2b' | '2y') => `$${prefix}$${hash.slice(4)}`;

describe.each(implementations)('$label', ({ label, make }) => {
  const hasher = make(4);
  if (!hasher) {
    // Visible in the report rather than silent: the native binary has no build for this platform.
    it.skip(`is skipped: bcrypt does not load here (${label})`, () => undefined);
    return;
  }
  afterAll(() => hasher.close());

  it('verifies the seed document hash ($2b$06$) with its password and refuses another', async () => {
    await expect(hasher.verify(SEED_PASSWORD, SEED_HASH)).resolves.toBe(true);
    await expect(hasher.verify('c3rs3i#L4nnist3r', SEED_HASH)).resolves.toBe(false);
  });

  it.each(['2a', '2b', '2y'] as const)('reads $%s$ hashes', async (prefix) => {
    const hash = withPrefix(SEED_HASH, prefix);
    await expect(hasher.verify(SEED_PASSWORD, hash)).resolves.toBe(true);
    await expect(hasher.verify('wrong', hash)).resolves.toBe(false);
  });

  it('hashes with the configured cost, never returns the password, and the other implementations agree', async () => {
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(hash).not.toContain('correct horse');
    await expect(hasher.verify('correct horse', hash)).resolves.toBe(true);
    await expect(new BcryptjsHasher(4).verify('correct horse', hash)).resolves.toBe(true);
  });

  it('asks for a rehash when the cost differs, and treats a malformed hash as not verifying', async () => {
    expect(hasher.needsRehash(SEED_HASH)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
    expect(hasher.needsRehash('not-a-hash')).toBe(true);
    await expect(hasher.verify('x', 'not-a-hash')).resolves.toBe(false);
    await expect(hasher.verify('x', '')).resolves.toBe(false);
  });

  it('runs many hashes at once without mixing up the answers', async () => {
    const passwords = Array.from({ length: 6 }, (_, i) => `password-${i}`);
    const hashes = await Promise.all(passwords.map((p) => hasher.hash(p)));
    const checks = await Promise.all(hashes.map((h, i) => hasher.verify(passwords[(i + 1) % passwords.length], h)));
    expect(checks).toEqual(passwords.map(() => false));
    await expect(Promise.all(hashes.map((h, i) => hasher.verify(passwords[i], h)))).resolves.toEqual(passwords.map(() => true));
  });
});

/** The hashers that run on a bounded number of threads, with one thread, at a cost slow enough (~50 ms) to queue. */
const pooled: { label: string; make: () => PasswordHasher | null }[] = [
  { label: 'BcryptjsWorkersHasher', make: () => new BcryptjsWorkersHasher(10, 1) },
  { label: 'NativeBcryptHasher', make: () => {
      return nativeLoads() ? new NativeBcryptHasher(10, 1) : null;
    }, },
];

describe.each(pooled)('$label with one thread: what the metrics read', ({ label, make }) => {
  const hasher = make();
  if (!hasher) {
    it.skip(`is skipped: bcrypt does not load here (${label})`, () => undefined);
    return;
  }
  afterAll(() => hasher.close());

  it('counts the jobs waiting for the thread and reports the time of each job on it', async () => {
    const timed: string[] = [];
    const seconds: number[] = [];
    hasher.onTimed = (operation, s) => (timed.push(operation), seconds.push(s));
    const jobs = Promise.all([hasher.hash('first'), hasher.verify('second', SEED_HASH), hasher.verify(SEED_PASSWORD, SEED_HASH)]);
    // One job on the thread, two waiting for it.
    expect(await eventually(() => hasher.waiting, (n) => n === 2, { intervalMs: 1, timeoutMs: 5000 })).toBe(2);
    await jobs;
    expect(hasher.waiting).toBe(0);
    expect(timed.sort()).toEqual(['hash', 'verify', 'verify']);
    expect(seconds.every((s) => s > 0)).toBe(true);
  });
});
