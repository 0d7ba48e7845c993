import { IsOptional, Matches } from 'class-validator';
import { namespace } from './namespace';
import { Env, validateEnv } from './validate-env';

class RedisEnv {
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'must be redis://[user:password@]host:port[/db] or rediss://…' })
  REDIS_URL?: string;

  @IsOptional() @Matches(/^[\w.:-]{1,64}$/, { message: 'must be 1–64 letters, digits or . _ : -' })
  REDIS_KEY_PREFIX?: string;
}

/**
 * Redis holds the rate-limit counters and the failed-password counters when REDIS_URL is set, so that they are
 * shared by every instance. Unset: each instance keeps its own in memory (fine for a single instance).
 */
export const redisConfig = namespace('redis', (vars: Env) => {
  const env = validateEnv(RedisEnv, vars);
  return {
    url: env.REDIS_URL ?? null,
    /** Every key Gatehouse writes starts with this, so one Redis can serve several applications. */
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'gatehouse:',
  };
});

export type RedisConfig = ReturnType<typeof redisConfig>;
