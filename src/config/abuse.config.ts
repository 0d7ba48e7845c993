import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { keySettings } from './auth.config';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, isBlank, toInt, validateEnv } from './validate-env';

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

  /** The HMAC key of device credentials. 32 characters at least: a captured credential must not let it be guessed. */
  @IsOptional() @IsString() @MinLength(32)
  DEVICE_TOKEN_SECRET?: string;

  @IsOptional() @IsString()
  DEVICE_TOKEN_SECRET_FILE?: string;

  @IsOptional() @IsDuration()
  DEVICE_TOKEN_TTL?: string;
}

/** One source of the device secret only, as for the signing keys: two would leave it unclear which one signs. */
function deviceSecretProblems(vars: Env): string[] {
  return !isBlank(vars.DEVICE_TOKEN_SECRET) && !isBlank(vars.DEVICE_TOKEN_SECRET_FILE)
    ? ['DEVICE_TOKEN_SECRET, DEVICE_TOKEN_SECRET_FILE: set only one of them']
    : [];
}

const ms = (value: string | undefined, fallback: string) => parseDuration(value ?? fallback) as number;

/** Device credentials (see DeviceCredentials and loadDeviceSecret). */
function deviceSettings(env: AbuseEnv, vars: Env) {
  return {
    /** The HMAC key, inline or in a file; neither: generated once. */
    secret: env.DEVICE_TOKEN_SECRET ?? null,
    secretFile: env.DEVICE_TOKEN_SECRET_FILE ?? null,
    /** Where a generated secret is kept: beside a generated signing key (JWT_KEYS_DIR). */
    keysDir: keySettings(vars).keysDir,
    /** How long a device credential is good for; each sign-in on the device renews it. */
    ttlMs: ms(env.DEVICE_TOKEN_TTL, '365d'),
  };
}

/** Brute-force defences: account lockout after failed passwords, and per-address / per-account login rate limits. */
export const abuseConfig = namespace('abuse', (vars: Env) => {
  const env = validateEnv(AbuseEnv, vars, { extraProblems: deviceSecretProblems(vars) });
  return {
    lockout: {
      /** Failed passwords (within `windowMs`) that lock the account to clients without a device credential, or a device. */
      threshold: env.LOCKOUT_THRESHOLD ?? 10,
      windowMs: ms(env.LOCKOUT_WINDOW, '15m'),
      /** How long an automatic lock lasts; an admin lock never expires. */
      durationMs: ms(env.LOCKOUT_DURATION, '15m'),
      /**
       * Accounts whose counts one instance keeps in memory (no Redis, or Redis down), least recently counted dropped
       * first. About 60 MB at 100,000 made-up identifiers (~600 bytes each with its two windows, measured with
       * --expose-gc); why dropping is acceptable: MemoryFailureCounter.
       */
      memoryMaxKeys: env.LOCKOUT_MEMORY_MAX_KEYS ?? 100_000,
    },
    rateLimit: {
      /**
       * Login attempts per client address per window. Generous, because many people can share one address (an
       * office NAT); the per-account limit and the lockout are what stop a guesser focused on one account.
       */
      perIp: env.LOGIN_RATE_LIMIT_IP ?? 30,
      /**
       * Password attempts that did not sign in, per account and client kind (clients without a device credential
       * together; each device on its own) per window, whatever the address. Counted by the lockout (LockoutService),
       * so a success or a request refused as invalid never counts, and the owner's device has its own.
       */
      perAccount: env.LOGIN_RATE_LIMIT_ACCOUNT ?? 5,
      windowMs: ms(env.LOGIN_RATE_LIMIT_WINDOW, '1m'),
    },
    devices: deviceSettings(env, vars),
  };
});

export type AbuseConfig = ReturnType<typeof abuseConfig>;
