import { AsyncLocalStorage } from 'node:async_hooks';
import { FastifyInstance } from 'fastify';

/** The id of the request being handled, for every log line written while handling it. */
const requestIds = new AsyncLocalStorage<string>();

/**
 * Runs each request inside a context holding its id. Cheaper than pino-http's middleware, which built a child logger
 * for every request and ran through Nest's middleware layer: dropping it doubled the token-checked read rate
 * (docs/benchmarks.md). The id reaches the log lines through pino's `mixin` (requestIdMixin).
 */
export function bindRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => requestIds.run(request.id, done));
}

/** pino `mixin`: adds `reqId` to a line logged while a request is handled. */
export function requestIdMixin(): { reqId?: string } {
  const reqId = requestIds.getStore();
  return reqId === undefined ? {} : { reqId };
}
