import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { namespace } from './namespace';
import { Env, splitList, toInt, validateEnv } from './validate-env';

/** One origin: scheme, host, optional port; no path, no wildcard (credentials are never allowed for `*`). */
const ORIGIN = '(https?://[A-Za-z0-9.-]+(:\\d{1,5})?)';

class HttpEnv {
  @IsOptional()
  @Matches(new RegExp(`^${ORIGIN}(\\s*,\\s*${ORIGIN})*$`), {
    message: 'must be origins such as https://app.example.com,http://localhost:5173 (scheme://host[:port], comma-separated, no path or *)',
  })
  CORS_ORIGINS?: string;

  @IsOptional() @Transform(toInt)
  @IsInt() @Min(1024) @Max(10 * 1024 * 1024)
  BODY_LIMIT?: number;
}

export const httpConfig = namespace('http', (vars: Env) => {
  const env = validateEnv(HttpEnv, vars);
  return {
    /**
     * Browser origins (the SPA) allowed to call the API with credentials. Empty by default: no CORS headers at
     * all, so no other site's scripts can read a response.
     */
    corsOrigins: splitList(env.CORS_ORIGINS),
    /** Largest request body in bytes; a login or sync body is a few hundred bytes, so 64 KiB is generous. */
    bodyLimit: env.BODY_LIMIT ?? 64 * 1024,
  };
});

export type HttpConfig = ReturnType<typeof httpConfig>;
