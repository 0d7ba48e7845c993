import { IsOptional, Matches } from 'class-validator';
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
  };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
