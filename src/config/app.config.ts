import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, splitList, toInt, validateEnv } from './validate-env';
import { IsCidrList } from './is-cidr-list.validator';

class AppEnv {
  @IsOptional() @Transform(toInt)
  @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @IsCidrList()
  TRUSTED_NETWORKS?: string;

  @IsOptional() @IsCidrList()
  TRUST_PROXY?: string;

  /** A shared secret that a system-context call must sign with; long enough that it cannot be guessed. */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters (a random secret, e.g. openssl rand -hex 32)' })
  SYSTEM_CONTEXT_SECRET?: string;

  /** The service's public base URL, from which absolute URLs (jwks_uri, …) are built: never from the Host header. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL such as https://auth.example.com' })
  PUBLIC_URL?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** After SIGTERM, how long to keep serving while /health/ready fails, so the load balancer stops sending first. */
  @IsOptional() @IsDuration()
  SHUTDOWN_DRAIN_DELAY?: string;
}

export const appConfig = namespace('app', (vars: Env) => {
  const env = validateEnv(AppEnv, vars);
  const trustProxy = splitList(env.TRUST_PROXY);
  const port = env.PORT ?? 8080;
  return {
    port,
    /**
     * Absolute URLs in published documents come from here, not from the request's Host header, which any client
     * can set (host-header injection would let it point jwks_uri at its own keys).
     */
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    host: env.HOST ?? '0.0.0.0',
    /**
     * The system-context header (x-user-ctx) is honoured only from these networks. Loopback only by default:
     * a deployment must opt in to every other network explicitly.
     */
    trustedNetworks: splitList(env.TRUSTED_NETWORKS ?? '127.0.0.1/32,::1/128'),
    /**
     * When set, `x-user-ctx` must also carry an HMAC signature made with it (x-user-ctx-signature), so being inside a
     * trusted network is not enough: a compromised neighbour or a browser page on that network has no secret.
     */
    systemContextSecret: env.SYSTEM_CONTEXT_SECRET ?? null,
    /** Proxies whose X-Forwarded-For is believed. None by default, so a client cannot forge its address. */
    trustProxy,
    logLevel: env.LOG_LEVEL ?? 'info',
    /**
     * 0 by default: without a load balancer there is nobody to tell. Behind one, at least its health-check interval
     * times its failures-before-down (HAProxy `inter` × `fall`): until then it may still send new requests here.
     */
    shutdownDrainMs: env.SHUTDOWN_DRAIN_DELAY ? (parseDuration(env.SHUTDOWN_DRAIN_DELAY) as number) : 0,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
