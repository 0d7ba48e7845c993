/** Injection token of the shared ioredis client: a `Redis`, or null when REDIS_URL is unset (memory state). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
