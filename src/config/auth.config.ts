import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { namespace } from './namespace';
import { Env, isBlank, splitList, toInt, validateEnv } from './validate-env';

class AuthEnv {
  @IsOptional()
  @Matches(/^([A-Za-z0-9._-]+:[^,]*)(,\s*[A-Za-z0-9._-]+:[^,]*)*$/, {
    message: 'must be id:secret pairs separated by commas (id: alone for a public client, id::browser for a browser client)',
  })
  AUTH_CLIENTS?: string;

  @IsOptional() @IsString()
  JWT_PRIVATE_KEY?: string;

  @IsOptional() @IsString()
  JWT_PRIVATE_KEY_FILE?: string;

  /** Several keys for rotation: comma-separated PEM file paths; the first signs, all verify. */
  @IsOptional() @IsString()
  JWT_PRIVATE_KEYS?: string;

  @IsOptional() @IsString()
  JWT_KEYS_DIR?: string;

  /** Empty is refused rather than read as unset: tokens with an empty `iss` would be a silent misconfiguration. */
  @IsOptional() @IsString() @Matches(/\S/, { message: 'must not be empty (unset it for the default, gatehouse)' })
  JWT_ISSUER?: string;

  @IsOptional() @IsString()
  JWT_DEFAULT_AUDIENCE?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  ACCESS_TOKEN_TTL?: number;

  /** How many verified access tokens each instance remembers (see VerifiedTokenCache); 0 verifies every time. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000)
  ACCESS_TOKEN_CACHE_SIZE?: number;

  /**
   * Milliseconds for which an instance may answer a token check from a user row it read (see RecentUsers); changes
   * made through another instance take up to this long to be seen there. 0 reads the row on every request.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  USER_CACHE_TTL_MS?: number;

  /** Absolute lifetime of a refresh-token family, seconds (rotation does not extend it). 1 minute to 1 year. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(31_536_000)
  REFRESH_TOKEN_TTL?: number;

  /** Seconds during which a just-rotated refresh token still yields its successor (concurrent tabs); 0 turns it off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60)
  REFRESH_REUSE_INTERVAL?: number;

  /** 4–15: below 4 bcrypt refuses; above 15 one login costs seconds of CPU and becomes a DoS lever. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(4) @Max(15)
  BCRYPT_COST?: number;
}

export interface ClientDefinition {
  id: string;
  /** null for a public client (an SPA cannot keep a secret). */
  secret: string | null;
  /**
   * A public client running in a browser (`id::browser`): its refresh token is set as an HttpOnly cookie and never
   * appears in a JSON answer, where any script injected into the page could read it (see BrowserSessions).
   */
  browser: boolean;
}

/** The third part of an AUTH_CLIENTS entry that makes it a browser client: `spa-app::browser`. */
const BROWSER_SUFFIX = '::browser';

export function parseClients(value: string | undefined): ClientDefinition[] {
  return splitList(value).map((entry) => {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    if (entry.slice(at) === BROWSER_SUFFIX) return { id, secret: null, browser: true };
    const secret = entry.slice(at + 1);
    return { id, secret: secret.length > 0 ? secret : null, browser: false };
  });
}

/**
 * A browser cannot keep a secret, so `id:secret:browser` is refused rather than read as the secret "secret:browser"
 * (a secret ending in ":browser" was surely meant as a browser client).
 */
function clientProblems(vars: Env): string[] {
  return splitList(vars.AUTH_CLIENTS)
    .filter((entry) => entry.endsWith(':browser') && !entry.endsWith(BROWSER_SUFFIX))
    .map((entry) => `AUTH_CLIENTS: client "${entry.slice(0, entry.indexOf(':'))}" is a browser client with a secret; a browser cannot keep one (write ${entry.slice(0, entry.indexOf(':'))}::browser)`);
}

const KEY_SOURCES = ['JWT_PRIVATE_KEY', 'JWT_PRIVATE_KEY_FILE', 'JWT_PRIVATE_KEYS'] as const;

/** One source of keys only: two would leave it unclear which one signs. */
function keySourceProblems(vars: Env): string[] {
  const set = KEY_SOURCES.filter((k) => !isBlank(vars[k]));
  return set.length > 1 ? [`${set.join(', ')}: set only one of them`] : [];
}

/**
 * Where the signing keys come from. Plain strings, so read straight from the variables: loadConfig vets the keys
 * themselves with this even when another auth variable is wrong, and reports both.
 */
export function keySettings(vars: Env) {
  const value = (name: string) => (isBlank(vars[name]) ? undefined : vars[name]);
  return {
    privateKeyPem: value('JWT_PRIVATE_KEY')?.replace(/\\n/g, '\n'),
    privateKeyFile: value('JWT_PRIVATE_KEY_FILE'),
    privateKeyFiles: splitList(value('JWT_PRIVATE_KEYS')),
    /** Where a generated key is kept when no key is configured. */
    keysDir: value('JWT_KEYS_DIR') ?? './data/keys',
  };
}

export type KeySettings = ReturnType<typeof keySettings>;

export const authConfig = namespace('auth', (vars: Env) => {
  const env = validateEnv(AuthEnv, vars, { emptyRefused: ['JWT_ISSUER'], extraProblems: [...keySourceProblems(vars), ...clientProblems(vars)] });
  return {
    clients: parseClients(env.AUTH_CLIENTS),
    ...keySettings(vars),
    issuer: env.JWT_ISSUER ?? 'gatehouse',
    /** Audience of tokens issued without a client (the Orion-style /users/login). */
    defaultAudience: env.JWT_DEFAULT_AUDIENCE ?? 'gatehouse',
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL ?? 300,
    accessTokenCacheSize: env.ACCESS_TOKEN_CACHE_SIZE ?? 10_000,
    userCacheTtlMs: env.USER_CACHE_TTL_MS ?? 1000,
    bcryptCost: env.BCRYPT_COST ?? 10,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL ?? 30 * 24 * 3600,
    refreshReuseIntervalSeconds: env.REFRESH_REUSE_INTERVAL ?? 10,
  };
});

export type AuthConfig = ReturnType<typeof authConfig>;
