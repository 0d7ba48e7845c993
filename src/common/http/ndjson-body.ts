import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiError } from '../errors/api-error';

const NDJSON_ROUTE = 'gatehouseAcceptsNdjson';
export const NDJSON = 'application/x-ndjson';

/** The route reads an application/x-ndjson body as a stream, with its own size limit (the user import). */
export const AcceptsNdjson = () => RouteConfig({ [NDJSON_ROUTE]: true });

/**
 * NDJSON bodies, only on routes marked @AcceptsNdjson() (elsewhere a 415, like any type a route does not read). The
 * parser reads nothing: it hands the request stream to the route, which reads it line by line as it works, so a
 * body of many megabytes is never held in memory, and which enforces its own limit (Fastify's BODY_LIMIT applies
 * only to the bodies Fastify reads itself, and stays small for every other route).
 */
export function registerNdjsonBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(NDJSON, (request, payload, done) => {
    if (!acceptsNdjson(request)) return done(unsupported('This route reads JSON only (Content-Type: application/json)'), undefined);
    done(null, payload);
  });
}

/**
 * The body stream of an NDJSON route: 415 when the body was of another type (Fastify parsed it already), 413 when the
 * declared length is over `maxBytes` (a chunked body is counted as it is read). Iterating it and stopping early
 * (a limit reached) leaves the request alone: destroying it would cut the connection, and with it the answer that
 * says why the route stopped; Node discards what is left of the body once the answer is sent.
 */
export function ndjsonBody(request: FastifyRequest, maxBytes: number): AsyncIterable<Buffer> {
  const body = request.body;
  if (!(body instanceof Readable)) throw unsupported(`This route reads ${NDJSON} only (one JSON object per line)`);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // A client that goes away after reading stopped is not an error of the route's (the iterator reports it while reading).
  body.on('error', () => undefined);
  return { [Symbol.asyncIterator]: () => body.iterator({ destroyOnReturn: false }) };
}

export const tooLarge = (maxBytes: number) =>
  new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `The body is over ${maxBytes} bytes (IMPORT_MAX_BODY); split it into several requests`);

function acceptsNdjson(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[NDJSON_ROUTE] === true;
}

const unsupported = (message: string) => new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', message);
