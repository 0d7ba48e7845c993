import Redis from 'ioredis';
import { FailureCounter } from './failure-counter';

/**
 * INCR and, for the first failure of a window, PEXPIRE, in one script so that two instances counting at the same
 * moment can neither lose a failure nor leave a counter without expiry. The client adds REDIS_KEY_PREFIX.
 */
const INCREMENT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** Counters shared by every instance, so failures spread over several instances still add up. */
export class RedisFailureCounter extends FailureCounter {
  constructor(private readonly redis: Redis) {
    super();
  }

  async increment(key: string, windowMs: number): Promise<number> {
    return Number(await this.redis.eval(INCREMENT, 1, this.key(key), windowMs));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `lockout:${key}`;
  }
}
