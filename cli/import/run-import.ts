import type { ImportError, ImportResult, ImportSummary } from '../../src/users/import/import-result';
import { FileLine, fileLines } from './file-lines';
import { ImportState, writeReport } from './import-state';
import { postLines } from './post-lines';
import { RequestSizer } from './request-sizer';

export interface ImportOptions {
  file: string;
  url: string;
  /** Authorization: Bearer <token> of an admin; without it, the system context (honoured from trusted networks). */
  token?: string;
  /** The x-user-ctx sent without a token: who the import is recorded as (createdBy / updatedBy). */
  context: { id: string; user: string };
  resume: boolean;
  statePath: string;
  reportPath: string;
  /** Largest body of one request, bytes: under the server's IMPORT_MAX_BODY. */
  maxRequestBytes: number;
  /** Stop once this many lines have failed in this run (probably the wrong file, or the wrong format). */
  maxErrors: number;
  signal?: AbortSignal;
  /** Called after each result line and each request (the progress bar). */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  done: number;
  skipped: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Server time of the requests answered so far, ms: passwords (hashing, verifying) and the database. */
  passwordsMs: number;
  databaseMs: number;
}

export interface ImportOutcome extends ImportProgress {
  /** False when the run stopped before the end of the file; --resume goes on from there. */
  complete: boolean;
  stoppedBy?: string;
  /** Lines still failing (this run and the earlier ones): the report lists them. */
  stillFailing: number;
  elapsedMs: number;
}

/**
 * Sends a file to POST /api/users/import in requests of a few seconds each (each under maxRequestBytes), records
 * every answered line in the state file, and writes the report of the lines still failing. Stops at the first
 * request that ends early (database down, a cut connection), at maxErrors failed lines, or when `signal` aborts;
 * every line answered until then is saved, so --resume sends only the rest (and the failed lines again).
 */
export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const started = Date.now();
  const state = ImportState.open(options.statePath, options.file, options.resume);
  const progress: ImportProgress = { done: 0, skipped: 0, created: 0, updated: 0, unchanged: 0, failed: 0, passwordsMs: 0, databaseMs: 0 };
  const lines = pending(fileLines(options.file), state, progress);
  const sizer = new RequestSizer();
  let stoppedBy: string | undefined;
  const saver = setInterval(() => state.save(), 1000);
  try {
    while (!stoppedBy && !(await lines.exhausted())) {
      const summary = await sendOne(options, lines, sizer, state, progress);
      progress.passwordsMs += summary.passwordsMs;
      progress.databaseMs += summary.databaseMs;
      options.onProgress?.(progress);
      if (!summary.complete) stoppedBy = describe(summary.error);
      else if (progress.failed >= options.maxErrors) stoppedBy = `${progress.failed} lines failed (--max-errors ${options.maxErrors})`;
    }
  } catch (e) {
    stoppedBy = options.signal?.aborted ? 'interrupted' : (e as Error).message;
  } finally {
    clearInterval(saver);
    state.save();
  }
  const stillFailing = writeReport(options.reportPath, state);
  return { ...progress, complete: !stoppedBy, stoppedBy, stillFailing, elapsedMs: Date.now() - started };
}

/** One request: the next lines of the file, as many as the sizer allows; their results recorded as they come. */
async function sendOne(options: ImportOptions, lines: PendingLines, sizer: RequestSizer, state: ImportState, progress: ImportProgress): Promise<ImportSummary> {
  const sent: number[] = [];
  const body = lines.take(sizer.next(), options.maxRequestBytes, (line) => sent.push(line.number));
  const started = Date.now();
  const summary = await postLines(new URL('/api/users/import', options.url), authHeaders(options), body, (result) => {
    record(state, progress, sent[result.line - 1], result);
    options.onProgress?.(progress);
  }, options.signal);
  sizer.answered(summary.lines, Date.now() - started);
  return summary;
}

function record(state: ImportState, progress: ImportProgress, line: number, result: ImportResult): void {
  state.record(line, result.status === 'error' ? result.error : null);
  progress.done++;
  if (result.status === 'error') progress.failed++;
  else progress[result.status]++;
}

function authHeaders(options: ImportOptions): Record<string, string> {
  if (options.token) return { authorization: `Bearer ${options.token}` };
  return { 'x-user-ctx': Buffer.from(JSON.stringify(options.context)).toString('base64') };
}

const describe = (error: ImportError | undefined) => (error ? `${error.code}: ${error.message}` : 'the import stopped early');

/** The file's lines that an earlier run did not finish, handed out request by request. */
interface PendingLines {
  exhausted(): Promise<boolean>;
  /** Up to `count` lines and `maxBytes` bytes; each line is reported to `onLine` as it is handed out. */
  take(count: number, maxBytes: number, onLine: (line: FileLine) => void): AsyncIterable<string>;
}

function pending(source: AsyncGenerator<FileLine>, state: ImportState, progress: ImportProgress): PendingLines {
  let next: FileLine | null | undefined;
  const peek = async (): Promise<FileLine | null> => {
    while (next === undefined) {
      const { value, done } = await source.next();
      if (done) next = null;
      else if (state.isDone(value.number)) progress.skipped++;
      else next = value;
    }
    return next;
  };
  return {
    exhausted: async () => (await peek()) === null,
    take: async function* (count, maxBytes, onLine) {
      let bytes = 0;
      for (let n = 0; n < count; n++) {
        const line = await peek();
        // A line that would take the body over the limit starts the next request (one alone always goes).
        if (!line || (n > 0 && bytes + Buffer.byteLength(line.text) + 1 > maxBytes)) return;
        bytes += Buffer.byteLength(line.text) + 1;
        next = undefined;
        onLine(line);
        yield line.text;
      }
    },
  };
}
