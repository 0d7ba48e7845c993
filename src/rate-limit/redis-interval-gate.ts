import Redis from 'ioredis';
import { IntervalGate, intervalKey } from './interval-gate';

/**
 * SET NX PX claims the interval (atomically: two instances cannot both claim it), otherwise the time left. A key
 * that expired between the two commands answers 1 ms, so the next call claims it. The client adds REDIS_KEY_PREFIX.
 */
const CLAIM = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then return 1 end
return left`;

/** Intervals shared by every instance, so requests spread over them still send one mail per interval. */
export class RedisIntervalGate extends IntervalGate {
  constructor(private readonly redis: Redis) {
    super();
  }

  async claim(bucket: string, subject: string, intervalMs: number): Promise<number> {
    return Number(await this.redis.eval(CLAIM, 1, intervalKey(bucket, subject), intervalMs));
  }
}
