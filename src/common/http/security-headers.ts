import { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The API answers JSON only, so its pages may load nothing, be framed by nobody and post nowhere: the strictest
 * Content-Security-Policy there is (https://owasp.org/www-project-secure-headers/).
 */
export const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Swagger UI (/docs) loads its scripts from /docs itself (no inline script: swagger-ui-init.js is a file), but its
 * page and React components use inline <style> blocks and style attributes, and its icons are data: images. So only
 * /docs gets 'self' plus inline styles; inline scripts stay forbidden everywhere.
 */
export const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const DOCS_ROUTE = /^\/docs(\/|-json|$)/;

/** Helmet's options, the same for every route but for the Content-Security-Policy. */
function helmetOptions(csp: typeof API_CSP | typeof DOCS_CSP): HelmetOptions {
  return {
    // Nobody frames the API or its docs (CSP frame-ancestors says the same to browsers that read it).
    frameguard: { action: 'deny' },
    contentSecurityPolicy: { useDefaults: false, directives: csp },
  };
}

/**
 * The headers helmet sets for these options. They depend on the options alone (no nonces, no per-request
 * directives), so helmet runs once, at start, against a stand-in response that records them. @fastify/helmet instead
 * rebuilt the helmet middleware for every request, re-parsing the policy each time: about a third of the cost of a
 * token-checked read (docs/benchmarks.md).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * Kept by no cache, shared or private: the answers carry tokens and users (RFC 6749 §5.1 asks it of every token
 * response; RFC 9111 §5.2.2.5). `Pragma` for HTTP/1.0 caches, as RFC 6749 shows.
 */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * Helmet's headers on every response (nosniff, frame denial, HSTS, no referrer, CORP...), errors and 404s included,
 * with the API policy; the Swagger UI routes under /docs get theirs. Every response that has not chosen a caching
 * policy of its own (the public keys and discovery document do, and the docs' static files) is `no-store`: closed by
 * default, so a route added later that returns a token or a user cannot be cached by mistake.
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const api = helmetHeaders(helmetOptions(API_CSP));
  const docs = helmetHeaders(helmetOptions(DOCS_CSP));
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    reply.headers(route !== undefined && DOCS_ROUTE.test(route) ? docs : api);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.headers(NO_STORE);
    done(null, payload);
  });
}
