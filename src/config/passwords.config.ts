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

  /**
   * How much lower than the event loop's the OS priority of the hashing threads is (a nice increment, 0–19; Linux
   * only). The default 10 lets the event loop take a core the moment it has work while sign-ins keep every core
   * hashing, so token checks and the rest of each sign-in do not queue behind ~60 ms bcrypt runs. 0 turns it off:
   * on a host shared with other busy processes the hashing threads yield to those too, and sign-ins slow down.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(19)
  HASH_THREAD_NICE?: number;

  /** 8 is NIST SP 800-63B's floor; above 64 no password would fit bcrypt's 72 bytes with multi-byte characters. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(8) @Max(64)
  PASSWORD_MIN_LENGTH?: number;
}

export const passwordsConfig = namespace('passwords', (vars: Env) => {
  const env = validateEnv(PasswordsEnv, vars);
  return {
    mode: env.PASSWORD_HASHER ?? 'auto',
    threads: env.PASSWORD_HASHER_THREADS ?? availableParallelism(),
    hashThreadNice: env.HASH_THREAD_NICE ?? 10,
    minLength: env.PASSWORD_MIN_LENGTH ?? 8,
  };
});

export type PasswordsConfig = ReturnType<typeof passwordsConfig>;
