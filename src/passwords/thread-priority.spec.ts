import { readdirSync, readFileSync } from 'node:fs';
import { BcryptjsWorkersHasher } from './bcryptjs-workers.hasher';
import { NativeBcryptHasher } from './native-bcrypt.hasher';
import { loadNativeBcrypt } from './native-bcrypt';

/** The nice value of each thread of this process, from /proc/self/task/<tid>/stat (field 19). */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      nice.set(Number(tid), Number(fields[19 - 3]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nice;
}

function nativeLoads(): boolean {
  try {
    return Boolean(loadNativeBcrypt());
  } catch {
    return false;
  }
}

const pools = [
  { label: 'bcryptjs workers', make: (nice: number) => new BcryptjsWorkersHasher(4, 2, nice) },
  ...(nativeLoads() ? [{ label: 'native bcrypt workers', make: (nice: number) => new NativeBcryptHasher(4, 2, nice) }] : []),
];

const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

describeOnLinux.each(pools)('HASH_THREAD_NICE with $label', ({ make }) => {
  it('lowers the priority of the two hashing threads only: the main thread and the others keep theirs', async () => {
    const before = niceByThread();
    const base = before.get(process.pid)!;
    const hasher = make(7);
    try {
      // Both threads have started once two jobs ran at the same time.
      await Promise.all([hasher.hash('a'), hasher.hash('b')]);
      const after = niceByThread();
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === Math.min(19, base + 7));
      expect(lowered).toHaveLength(2);
      expect(after.get(process.pid)).toBe(base);
      for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
    } finally {
      await hasher.close();
    }
  });

  it('leaves the threads at the event loop priority with 0', async () => {
    const before = niceByThread();
    const base = before.get(process.pid)!;
    const hasher = make(0);
    try {
      await Promise.all([hasher.hash('a'), hasher.hash('b')]);
      const newThreads = [...niceByThread()].filter(([tid]) => !before.has(tid));
      expect(newThreads.length).toBeGreaterThanOrEqual(2);
      expect(newThreads.every(([, nice]) => nice === base)).toBe(true);
    } finally {
      await hasher.close();
    }
  });
});
