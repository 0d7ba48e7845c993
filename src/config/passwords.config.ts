import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { availableParallelism } from 'node:os';
import { namespace } from './namespace';
import { Env, toInt, validateEnv } from './validate-env';

export const PASSWORD_HASHER_MODES = ['auto', 'native', 'bcryptjs-workers'] as const;
export type PasswordHasherMode = (typeof PASSWORD_HASHER_MODES)[number];

class PasswordsEnv {
  /** auto: native bcrypt when it loads, else bcryptjs in worker threads. Neither ever hashes on the event loop. */
  @IsOptional() @IsIn([...PASSWORD_HASHER_MODES])
  PASSWORD_HASHER?: PasswordHasherMode;

  /** Hashes computed at once; default the number of cores (more only adds queueing inside the CPU). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64)
  PASSWORD_HASHER_THREADS?: number;

  /** 8 is NIST SP 800-63B's floor; above 64 no password would fit bcrypt's 72 bytes with multi-byte characters. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(8) @Max(64)
  PASSWORD_MIN_LENGTH?: number;
}

export const passwordsConfig = namespace('passwords', (vars: Env) => {
  const env = validateEnv(PasswordsEnv, vars);
  return {
    mode: env.PASSWORD_HASHER ?? 'auto',
    threads: env.PASSWORD_HASHER_THREADS ?? availableParallelism(),
    minLength: env.PASSWORD_MIN_LENGTH ?? 8,
  };
});

export type PasswordsConfig = ReturnType<typeof passwordsConfig>;
