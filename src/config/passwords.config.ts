import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { availableParallelism } from 'node:os';
import { validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export const PASSWORD_HASHER_MODES = ['auto', 'native', 'bcryptjs-workers'] as const;
export type PasswordHasherMode = (typeof PASSWORD_HASHER_MODES)[number];

class PasswordsEnv {
  /** auto: native bcrypt when it loads, else bcryptjs in worker threads. Neither ever hashes on the event loop. */
  @IsOptional() @IsIn([...PASSWORD_HASHER_MODES])
  PASSWORD_HASHER?: PasswordHasherMode;

  /** Hashes computed at once; default the number of cores (more only adds queueing inside the CPU). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64)
  PASSWORD_HASHER_THREADS?: number;
}

export const passwordsConfig = registerAs('passwords', () => {
  const env = validateEnv(PasswordsEnv, process.env);
  return {
    mode: env.PASSWORD_HASHER ?? 'auto',
    threads: env.PASSWORD_HASHER_THREADS ?? availableParallelism(),
  };
});

export type PasswordsConfig = ReturnType<typeof passwordsConfig>;
