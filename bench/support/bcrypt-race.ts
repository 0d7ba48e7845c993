import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchInstall } from './bench-install';

export interface BcryptContender {
  name: string;
  /** Median time of one cost-`cost` verification on one thread, measured interleaved with the others. */
  perHashMs: number;
  /** cores ÷ perHashMs: what every core hashing with this implementation would do. */
  limitPerSecond: number;
}

type VerifySync = (password: string, hash: string) => boolean;

/** @node-rs/bcrypt 1.10.8: later releases' lockfiles are refused by npm ci here (their other platforms' builds). */
const NODE_RS_BCRYPT = '@node-rs/bcrypt@1.10.8';

function contenders(log: (s: string) => void): { name: string; verify: VerifySync }[] {
  const list: { name: string; verify: VerifySync }[] = [];
  try {
    const lib = require('bcrypt') as { compareSync: VerifySync };
    list.push({ name: 'bcrypt (native, C++; what Gatehouse uses)', verify: lib.compareSync });
  } catch (e) {
    log(`native bcrypt does not load: ${(e as Error).message.split('\n')[0]}`);
  }
  const dir = benchInstall('node-rs-bcrypt', [NODE_RS_BCRYPT], log);
  if (dir) {
    const lib = require(join(dir, 'node_modules', '@node-rs', 'bcrypt')) as { verifySync: VerifySync };
    list.push({ name: '@node-rs/bcrypt (Rust)', verify: lib.verifySync });
  }
  list.push({ name: 'bcryptjs (JavaScript)', verify: (require('bcryptjs') as { compareSync: VerifySync }).compareSync });
  return list;
}

/**
 * The bcrypt implementations side by side on one thread, interleaved round by round (so a busy moment of the
 * machine hits each alike) for about `seconds` in all: the fastest gives the run's hashing limit.
 */
export function bcryptRace(hash: string, password: string, seconds: number, log: (s: string) => void): BcryptContender[] {
  const list = contenders(log);
  const times = list.map(() => [] as number[]);
  list.forEach((c) => c.verify(password, hash)); // warm-up
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end || times[0].length < 5) {
    list.forEach((c, i) => {
      const t0 = performance.now();
      if (!c.verify(password, hash)) throw new Error(`${c.name} did not verify the calibration hash`);
      times[i].push(performance.now() - t0);
    });
  }
  return list.map((c, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    const perHashMs = sorted[Math.floor(sorted.length / 2)];
    return { name: c.name, perHashMs, limitPerSecond: availableParallelism() / (perHashMs / 1000) };
  });
}
