import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import { namespace } from './namespace';
import { Env, splitList, toInt, validateEnv } from './validate-env';

export const DEFAULT_GOOGLE_JWKS_URI = 'https://www.googleapis.com/oauth2/v3/certs';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The key server must be reached over https: over plain http anyone on the path could swap Google's keys for their
 * own and mint ID tokens for any e-mail. Plain http is allowed to loopback only (a local stand-in, as in the tests).
 */
export function isSafeJwksUri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

class GoogleEnv {
  /** Empty or unset: Google sign-in is switched off (its routes answer 503). */
  @IsOptional()
  @Matches(/^\s*([A-Za-z0-9._-]+\s*(,\s*[A-Za-z0-9._-]+\s*)*)?$/, {
    message: 'must be OAuth client ids separated by commas, e.g. 1234-abc.apps.googleusercontent.com',
  })
  GOOGLE_CLIENT_IDS?: string;

  @IsOptional()
  @ValidateBy({
    name: 'isSafeJwksUri',
    validator: { validate: isSafeJwksUri, defaultMessage: () => 'must be an https URL (http only to a loopback host)' },
  })
  GOOGLE_JWKS_URI?: string;

  /**
   * After a key fetch, a token naming an unknown kid triggers another fetch only once this has passed, so a flood of
   * made-up kids cannot turn us into an amplifier against Google's key server.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  GOOGLE_JWKS_COOLDOWN_SECONDS?: number;
}

export const googleConfig = namespace('google', (vars: Env) => {
  const env = validateEnv(GoogleEnv, vars);
  return {
    /** The `aud` values accepted in Google ID tokens. */
    clientIds: splitList(env.GOOGLE_CLIENT_IDS),
    jwksUri: env.GOOGLE_JWKS_URI ?? DEFAULT_GOOGLE_JWKS_URI,
    jwksCooldownMs: (env.GOOGLE_JWKS_COOLDOWN_SECONDS ?? 30) * 1000,
  };
});

export type GoogleConfig = ReturnType<typeof googleConfig>;
