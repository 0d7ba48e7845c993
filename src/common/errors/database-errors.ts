import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  errno?: number;
}

function driverError(e: unknown): DriverError | undefined {
  if (e instanceof QueryFailedError) return e.driverError as DriverError;
  if (e && typeof e === 'object' && 'code' in e) return e as DriverError;
  return undefined;
}

/** Unique-constraint violation on PostgreSQL (23505) or SQLite (SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY). */
export function isUniqueViolation(e: unknown): boolean {
  const code = driverError(e)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A transaction lost to a concurrent one and may simply be run again: a unique clash (the other one created the same
 * user first), or a PostgreSQL deadlock (40P01) or serialization failure (40001), whose loser the server aborted.
 */
export function isRetryableConflict(e: unknown): boolean {
  const code = driverError(e)?.code;
  return isUniqueViolation(e) || code === '40P01' || code === '40001';
}

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P03', '08000', '08001', '08003', '08006', 'SQLITE_BUSY']);

/** The database cannot be reached or is shutting down: a 503, not a 500, and not the client's fault. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const code = driverError(e)?.code;
  if (code && UNAVAILABLE.has(code)) return true;
  const message = e instanceof Error ? e.message : '';
  // pg's Pool and Client word a connection timeout differently ("timeout exceeded…", "timeout expired").
  return /Connection terminated|timeout exceeded when trying to connect|timeout expired|connect ECONNREFUSED/i.test(message);
}
