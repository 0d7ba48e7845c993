import { ApiError } from '../../common/errors/api-error';
import { SyncStatus } from '../sync/sync-plan';

/** An error as an import line reports it: the body PUT /api/users would have answered, without a request id. */
export interface ImportError {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; reason: string }[];
}

/** One line of the answer of POST /api/users/import per line of the body (blank lines have none). */
export type ImportResult = { line: number; status: SyncStatus; id: string } | { line: number; status: 'error'; error: ImportError };

/** The last line of the answer. `complete: false` means the import stopped early, for the reason in `error`. */
export interface ImportSummary {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  complete: boolean;
  error?: ImportError;
  /** Where the time went on the server: passwords (hashing, verifying), the database, and in all. */
  passwordsMs: number;
  databaseMs: number;
  elapsedMs: number;
}

export function importError(e: ApiError): ImportError {
  return { statusCode: e.getStatus(), code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
}

/** Counts of one import, turned into its summary line at the end. */
export class ImportTally {
  readonly timings = { passwordsMs: 0, databaseMs: 0 };
  private readonly counts = { lines: 0, created: 0, updated: 0, unchanged: 0, errors: 0 };
  private readonly started = Date.now();

  add(results: ImportResult[]): void {
    for (const r of results) {
      this.counts.lines++;
      if (r.status === 'error') this.counts.errors++;
      else this.counts[r.status]++;
    }
  }

  summaryLine(error?: ImportError): string {
    const summary: ImportSummary = { ...this.counts, complete: !error, ...(error ? { error } : {}), ...this.timings, elapsedMs: Date.now() - this.started };
    return `${JSON.stringify({ summary })}\n`;
  }
}
