import helmet, { FastifyHelmetOptions } from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

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

const DOCS_PREFIX = /^\/docs(\/|-json|$)/;

/**
 * Helmet's headers on every response (nosniff, frame denial, HSTS, no referrer, CORP...), with the API policy;
 * routes under /docs get the Swagger UI policy through helmet's per-route configuration. Call before the Swagger
 * routes are registered, since the route hook only sees routes added after it.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (DOCS_PREFIX.test(route.url)) {
      route.config = { ...(route.config ?? {}), helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } } } as typeof route.config;
    }
  });
  const options: FastifyHelmetOptions = {
    global: true,
    // Nobody frames the API or its docs (CSP frame-ancestors says the same to browsers that read it).
    frameguard: { action: 'deny' },
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  };
  await app.register(helmet as never, options as never);
}
