import { FastifyInstance } from 'fastify';
import { Metrics } from './metrics';

/** The route label of a request no route matched: scanners' paths must not each become a series. */
const UNMATCHED = '(unmatched)';

/**
 * Every request's duration into the request histogram, by route template (never the path: ids would make a series
 * per user), method and status, when the response has been sent: the same seam as the request log.
 */
export function measureEachRequest(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.request(request.method, request.routeOptions.url ?? UNMATCHED, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
