import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerOptions } from 'pino';

/** Nothing that could hold a credential is logged; these paths are censored even if something logs them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-user-ctx"]',
  'req.body',
  'res.headers["set-cookie"]',
  'body',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
];

/** Path without the query string: a query may carry a token (e.g. a link from an e-mail). */
export function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/**
 * The options of an application's pino logger (see LoggingModule). The one line per request is written by
 * logEachRequest() from a Fastify hook, which knows the route and also sees requests refused before any handler
 * (404, 413, 415); it and the error filter's lines carry the request id as `reqId`. Other messages name what they
 * are about (user, token family) instead: binding the request id to every line needs an AsyncLocalStorage, which in
 * Node 20 hooks every promise of every request and cost about a quarter of a token-checked read (docs/benchmarks.md).
 */
export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
  };
}
