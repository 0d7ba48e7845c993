import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, toBoolean, toInt, validateEnv } from './validate-env';

class SelfServiceEnv {
  @IsOptional() @IsDuration()
  PASSWORD_RESET_TTL?: string;

  @IsOptional() @IsDuration()
  PASSWORD_RESET_INTERVAL?: string;

  @IsOptional() @IsDuration()
  EMAIL_VERIFICATION_TTL?: string;

  @IsOptional() @IsDuration()
  EMAIL_VERIFICATION_INTERVAL?: string;

  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'must be true or false' })
  SIGNUP_ENABLED?: boolean;

  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'must be true or false' })
  SIGNUP_REQUIRE_VERIFIED_EMAIL?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  SELF_SERVICE_RATE_LIMIT_IP?: number;

  @IsOptional() @IsDuration()
  SELF_SERVICE_RATE_LIMIT_WINDOW?: string;
}

const ms = (value: string | undefined, fallback: string) => parseDuration(value ?? fallback) as number;

/** What people do for their own account over e-mail: password reset, e-mail verification, sign-up. */
export const selfServiceConfig = namespace('selfService', (vars: Env) => {
  const env = validateEnv(SelfServiceEnv, vars);
  return {
    passwordReset: {
      ttlMs: ms(env.PASSWORD_RESET_TTL, '30m'),
      /** At most one reset mail per address per interval, however many requests (see IntervalGate). */
      intervalMs: ms(env.PASSWORD_RESET_INTERVAL, '60s'),
    },
    emailVerification: {
      ttlMs: ms(env.EMAIL_VERIFICATION_TTL, '24h'),
      /** At most one verification (or sign-up) mail per address per interval. */
      intervalMs: ms(env.EMAIL_VERIFICATION_INTERVAL, '60s'),
    },
    signUp: {
      /** Off by default: accounts come from the syncing systems unless a deployment opens sign-up. */
      enabled: env.SIGNUP_ENABLED ?? false,
      /** A signed-up account signs in only once its address is proven (the sign-in policy). */
      requireVerifiedEmail: env.SIGNUP_REQUIRE_VERIFIED_EMAIL ?? true,
    },
    rateLimit: {
      /** Requests per client address per window to the public routes of these flows (forgot, reset, verify, sign-up). */
      perIp: env.SELF_SERVICE_RATE_LIMIT_IP ?? 10,
      windowMs: ms(env.SELF_SERVICE_RATE_LIMIT_WINDOW, '15m'),
    },
  };
});

export type SelfServiceConfig = ReturnType<typeof selfServiceConfig>;
