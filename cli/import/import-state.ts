import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportError } from '../../src/users/import/import-result';

interface StateFile {
  version: 1;
  file: string;
  /** Every non-blank line up to this one has had a result (in this run or an earlier one). */
  through: number;
  /** The lines up to `through` whose result was an error, with it: --resume sends them again. */
  failed: Record<string, ImportError>;
}

/**
 * What the runs of one file have finished, kept next to it so that --resume skips it. Results arrive in file
 * order, so "finished" is every line up to `through`, except the failed ones. A line is only counted once the
 * server has answered it, i.e. once its batch is committed: a line sent but not answered is sent again (and is then
 * `unchanged` if it had been committed after all).
 */
export class ImportState {
  private constructor(
    private readonly path: string,
    private readonly data: StateFile,
  ) {}

  /** A fresh state, or (resume) the one saved for this file; refuses a state saved for another file. */
  static open(path: string, file: string, resume: boolean): ImportState {
    const fresh: StateFile = { version: 1, file: resolve(file), through: 0, failed: {} };
    if (!resume || !existsSync(path)) return new ImportState(path, fresh);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
    if (saved.version !== 1 || saved.file !== fresh.file) throw new Error(`${path} is the state of another file (${saved.file}); remove it or name another with --state`);
    return new ImportState(path, saved);
  }

  /** True when an earlier run imported this line (failed lines are sent again). */
  isDone(line: number): boolean {
    return line <= this.data.through && !(String(line) in this.data.failed);
  }

  record(line: number, error: ImportError | null): void {
    if (error) this.data.failed[line] = error;
    else delete this.data.failed[line];
    this.data.through = Math.max(this.data.through, line);
  }

  get failures(): [number, ImportError][] {
    return Object.entries(this.data.failed).map(([line, error]) => [Number(line), error]);
  }

  /** Written whole to a temporary file and renamed over the old one: an interrupted save leaves the previous state. */
  save(): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.data));
    renameSync(`${this.path}.tmp`, this.path);
  }
}

/** The report: one line per line still failing, `{"line": …, "error": {…}}`, in file order (no line content). */
export function writeReport(path: string, state: ImportState): number {
  const failures = state.failures.sort(([a], [b]) => a - b);
  writeFileSync(path, failures.map(([line, error]) => JSON.stringify({ line, error })).join('\n') + (failures.length ? '\n' : ''));
  return failures.length;
}
