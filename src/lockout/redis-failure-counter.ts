import Redis from 'ioredis';
import { FailureCounter, Window, WindowSpec } from './failure-counter';

/**
 * One scope is one hash, `field → "<count>:<end in ms>"`. The increments of one call run in one script, so two
 * instances counting at the same moment can neither lose a count nor start a window twice; the hash expires with
 * its last window. The time comes from the caller (as the user row's lockedUntil does), and is the same for every
 * window of the call.
 */
const INCREMENT = `
local now = tonumber(ARGV[1])
local counts = {}
local last = 0
for i = 2, #ARGV, 2 do
  local count, ends = 0, now + tonumber(ARGV[i + 1])
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  if held then
    local c, e = string.match(held, '^(%d+):(%d+)$')
    if c and tonumber(e) > now then count, ends = tonumber(c), tonumber(e) end
  end
  count = count + 1
  redis.call('HSET', KEYS[1], ARGV[i], string.format('%d:%d', count, ends))
  counts[#counts + 1] = count
  if ends > last then last = ends end
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 or now + ttl < last then redis.call('PEXPIRE', KEYS[1], last - now) end
return counts`;

/** Counts shared by every instance, so failures spread over several instances still add up. */
export class RedisFailureCounter extends FailureCounter {
  constructor(private readonly redis: Redis) {
    super();
  }

  async increment(scope: string, windows: readonly WindowSpec[]): Promise<number[]> {
    const args = windows.flatMap(([field, lengthMs]) => [field, String(lengthMs)]);
    return ((await this.redis.eval(INCREMENT, 1, this.key(scope), Date.now(), ...args)) as number[]).map(Number);
  }

  async read(scope: string): Promise<Map<string, Window>> {
    const now = Date.now();
    const windows = new Map<string, Window>();
    for (const [field, held] of Object.entries(await this.redis.hgetall(this.key(scope)))) {
      const [count, endsAt] = held.split(':').map(Number);
      if (endsAt > now) windows.set(field, { count, endsAt });
    }
    return windows;
  }

  async reset(scope: string, fields?: readonly string[]): Promise<void> {
    if (!fields) await this.redis.del(this.key(scope));
    else if (fields.length > 0) await this.redis.hdel(this.key(scope), ...fields);
  }

  /** The client adds REDIS_KEY_PREFIX. Not `lockout:` (a counter per key, before): a hash there would clash with one. */
  private key(scope: string): string {
    return `lockout-state:${scope}`;
  }
}
