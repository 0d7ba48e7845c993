import { FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';
import { pathOf } from './pino-options';

/**
 * One log line per request, written when the response is sent: request id, method, route template, path (no
 * query), status and duration. Headers and bodies are never part of it. Successful health probes log at debug.
 */
export function logEachRequest(fastify: FastifyInstance, logger: Pino): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = {
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? null,
      path: pathOf(request.url),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) logger.error(line, 'request failed');
    // Orchestrator probes every few seconds would drown the rest: successful ones only at debug level.
    else if (line.route?.startsWith('/health/') && reply.statusCode < 400) logger.debug(line, 'request completed');
    else logger.info(line, 'request completed');
    done();
  });
}
