import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { validateEnv } from './validate-env';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'must be sqlite:<path>, sqlite::memory: or postgres://user@host:port/db',
  })
  DATABASE_URL?: string;
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

export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(DatabaseEnv, process.env);
  return parseDatabaseUrl(env.DATABASE_URL);
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
