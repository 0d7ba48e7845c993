import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { IsCidrList } from './is-cidr-list.validator';
import { namespace } from './namespace';
import { Env, splitList, validateEnv } from './validate-env';

class MetricsEnv {
  @IsOptional() @IsCidrList()
  METRICS_NETWORKS?: string;

  /** Long enough that guessing it over the network is hopeless; no whitespace (it travels in a header). */
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters (use a long random value)' })
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  METRICS_TOKEN?: string;
}

/**
 * Who may read GET /metrics. The metrics reveal traffic and failure rates, which help an attacker time an attack,
 * so they are answered only to the monitoring network or to a holder of the token, and everyone else gets the 404
 * of a route that does not exist.
 */
export const metricsConfig = namespace('metrics', (vars: Env) => {
  const env = validateEnv(MetricsEnv, vars);
  return {
    /** Networks allowed without a token; null: the same as TRUSTED_NETWORKS. */
    networks: env.METRICS_NETWORKS ? splitList(env.METRICS_NETWORKS) : null,
    /** `Authorization: Bearer <token>` from anywhere; null: no token is accepted. */
    token: env.METRICS_TOKEN ?? null,
  };
});

export type MetricsConfig = ReturnType<typeof metricsConfig>;
