import { FastifyInstance } from 'fastify';
import { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CidrRange, isInRanges } from '../net/ip-ranges';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming request id may look like: short, and nothing that could break a log line or a header. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify's genReqId. A fresh UUID, unless the TCP peer is one of the TRUST_PROXY proxies and it sent a well-formed
 * `x-request-id`: then the proxy's id is kept so one request can be followed through the gateway's logs and ours.
 * From anyone else the header is ignored, because a client choosing its own id could make its requests look like
 * another's in the logs (or flood them with one id).
 */
export function requestIdGenerator(trustedProxies: CidrRange[]): (req: IncomingMessage) => string {
  return (req) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    if (typeof incoming === 'string' && WELL_FORMED.test(incoming) && isInRanges(req.socket?.remoteAddress, trustedProxies)) {
      return incoming;
    }
    return randomUUID();
  };
}

/** Every response carries the request's id (errors included), so a client can quote it when reporting a problem. */
export function echoRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
