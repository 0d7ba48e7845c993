import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server';

/** Where the bench installs what it compares with (never a dependency of the service); git ignores it. */
export const BENCH_CACHE = join(ROOT, 'bench', '.cache');

/**
 * Installs `packages` into bench/.cache/<folder> with npm (once; later runs reuse it) and returns the folder, or
 * null with the reason logged when npm cannot (no network, no registry): the comparison is then skipped.
 */
export function benchInstall(folder: string, packages: string[], log: (s: string) => void): string | null {
  const dir = join(BENCH_CACHE, folder);
  const marker = join(dir, 'node_modules', '.bench-installed-' + packages.join('+').replace(/[^a-z0-9.+-]/gi, '_'));
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  try {
    log(`installing ${packages.join(' ')} into ${dir}`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', dir, ...packages], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    execFileSync('touch', [marker]);
    return dir;
  } catch (e) {
    log(`could not install ${packages.join(' ')}: ${String((e as Error).message).split('\n')[0]}`);
    return null;
  }
}
