import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, validateEnv } from './validate-env';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'must be sqlite:<path>, sqlite::memory: or postgres://user@host:port/db',
  })
  DATABASE_URL?: string;

  /** How long start-up waits for an unreachable database (retrying with backoff) before giving up. */
  @IsOptional() @IsDuration()
  DATABASE_CONNECT_TIMEOUT?: string;

  /** SQLite only: when a commit reaches the disk (PRAGMA synchronous), see `sqliteSynchronous` below. */
  @IsOptional() @IsIn(['full', 'normal'])
  SQLITE_SYNCHRONOUS?: string;
}

export type DatabaseSettings =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

/** `DATABASE_URL` unset → the embedded SQLite file, so `npm start` works on a fresh machine with nothing else. */
export function parseDatabaseUrl(url: string | undefined): DatabaseSettings {
  if (!url) return { kind: 'sqlite', path: './data/gatehouse.sqlite' };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: url.slice('sqlite:'.length) };
  return { kind: 'postgres', url };
}

export const databaseConfig = namespace('database', (vars: Env) => {
  const env = validateEnv(DatabaseEnv, vars);
  return {
    ...parseDatabaseUrl(env.DATABASE_URL),
    /** Long enough for a database started alongside (compose, a pod's sidecar) to come up; then exit 1. */
    connectTimeoutMs: parseDuration(env.DATABASE_CONNECT_TIMEOUT ?? '60s') as number,
    /**
     * `full` (default): every commit is on disk before it is answered (an fsync per commit, in WAL mode), as
     * PostgreSQL's default. `normal`: the WAL is synced at checkpoints only; a power loss or OS crash (not a crash of
     * Gatehouse) may roll back the last commits: a logout, a password change or a refresh-token rotation could come
     * undone. better-sqlite3 waits for the fsync on the event loop (about 4 ms a commit on the disk of the bench
     * machine), so `normal` is much faster for refreshes; the safe setting stays the default.
     */
    sqliteSynchronous: (env.SQLITE_SYNCHRONOUS ?? 'full') as 'full' | 'normal',
  };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
