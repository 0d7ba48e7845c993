import { SingleBar } from 'cli-progress';
import { ImportProgress } from './run-import';

const UPDATE_MS = 250;

/** Where the server's time went so far: hashing passwords, or the database (whichever sets the pace shows). */
export function serverSplit(p: ImportProgress): string {
  const total = p.passwordsMs + p.databaseMs;
  if (total === 0) return 'measuring';
  return `passwords ${Math.round((100 * p.passwordsMs) / total)}%, database ${Math.round((100 * p.databaseMs) / total)}%`;
}

/**
 * lines done of the file, rate, ETA, the counts, and the server's time split. On a terminal only (cli-progress
 * draws nothing otherwise); the summary is printed either way.
 */
export function progressBar(total: number): { update(p: ImportProgress): void; stop(): void } {
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {value}/{total} lines | {rate} lines/s | ETA {eta_formatted} | created {created} updated {updated} unchanged {unchanged} failed {failed} | server: {split}',
    hideCursor: true,
    etaBuffer: 20,
    fps: 5,
  });
  const started = Date.now();
  let startedAt = -1;
  let drawnAt = 0;
  let latest: ImportProgress | null = null;
  const draw = (p: ImportProgress) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round((p.done + p.skipped - startedAt) / seconds);
    bar.update(p.done + p.skipped, { rate, created: p.created, updated: p.updated, unchanged: p.unchanged, failed: p.failed, split: serverSplit(p) });
    drawnAt = Date.now();
  };
  bar.start(total, 0, { rate: 0, created: 0, updated: 0, unchanged: 0, failed: 0, split: 'measuring' });
  return {
    // Results arrive a batch at a time, hundreds in the same millisecond: the bar (and its ETA, computed from the
    // last updates) is given one value every UPDATE_MS, not each of them.
    update(p) {
      if (startedAt < 0) startedAt = p.skipped;
      latest = p;
      if (Date.now() - drawnAt >= UPDATE_MS) draw(p);
    },
    stop() {
      if (latest) draw(latest);
      bar.stop();
    },
  };
}
