import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, toInt, validateEnv } from './validate-env';

class AbuseEnv {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOCKOUT_THRESHOLD?: number;

  @IsOptional() @IsDuration()
  LOCKOUT_WINDOW?: string;

  @IsOptional() @IsDuration()
  LOCKOUT_DURATION?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(10_000_000)
  LOCKOUT_MEMORY_MAX_KEYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  LOGIN_RATE_LIMIT_IP?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  LOGIN_RATE_LIMIT_ACCOUNT?: number;

  @IsOptional() @IsDuration()
  LOGIN_RATE_LIMIT_WINDOW?: string;
}

const ms = (value: string | undefined, fallback: string) => parseDuration(value ?? fallback) as number;

/** Brute-force defences: account lockout after failed passwords, and per-address / per-account login rate limits. */
export const abuseConfig = namespace('abuse', (vars: Env) => {
  const env = validateEnv(AbuseEnv, vars);
  return {
    lockout: {
      /** Consecutive failed passwords (within `windowMs`) that lock the account. */
      threshold: env.LOCKOUT_THRESHOLD ?? 10,
      windowMs: ms(env.LOCKOUT_WINDOW, '15m'),
      /** How long an automatic lock lasts; an admin lock never expires. */
      durationMs: ms(env.LOCKOUT_DURATION, '15m'),
      /**
       * Failure counts one instance keeps in memory (no Redis, or Redis down), least recently counted dropped first.
       * About 22 MB at 100,000 (~220 bytes a key, measured); why dropping is acceptable: MemoryFailureCounter.
       */
      memoryMaxKeys: env.LOCKOUT_MEMORY_MAX_KEYS ?? 100_000,
    },
    rateLimit: {
      /**
       * Login attempts per client address per window. Generous, because many people can share one address (an
       * office NAT); the per-account limit and the lockout are what stop a guesser focused on one account.
       */
      perIp: env.LOGIN_RATE_LIMIT_IP ?? 30,
      /** Login attempts per account (the e-mail or username sent) per window, whatever the address. */
      perAccount: env.LOGIN_RATE_LIMIT_ACCOUNT ?? 5,
      windowMs: ms(env.LOGIN_RATE_LIMIT_WINDOW, '1m'),
    },
  };
});

export type AbuseConfig = ReturnType<typeof abuseConfig>;
