import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, validateEnv } from './validate-env';

class MfaEnv {
  /** The issuer an authenticator app shows beside the account. A colon would break the otpauth label. */
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[^:]+$/, { message: 'must not contain a colon' })
  TOTP_ISSUER?: string;

  @IsOptional() @IsDuration()
  MFA_CHALLENGE_TTL?: string;
}

/** Two-factor sign-in: what authenticator apps show, and how long the second step may wait after the first. */
export const mfaConfig = namespace('mfa', (vars: Env) => {
  const env = validateEnv(MfaEnv, vars);
  return {
    totpIssuer: env.TOTP_ISSUER?.trim() ?? 'Gatehouse',
    /** Lifetime of an mfaToken (the challenge between the first factor and the code). */
    challengeTtlMs: parseDuration(env.MFA_CHALLENGE_TTL ?? '5m') as number,
  };
});

export type MfaConfig = ReturnType<typeof mfaConfig>;
