import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * CORS for the SPA: only the listed origins get Access-Control-Allow-Origin (their own origin, never `*`) and
 * Access-Control-Allow-Credentials; any other origin, preflight included, gets no CORS header at all, so the
 * browser keeps the response from its scripts. With no origins configured CORS is not enabled.
 */
export function enableCorsFor(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.enableCors({
    origin: (origin: string | undefined, done: (err: Error | null, allow: string | false) => void) =>
      done(null, origin !== undefined && allowed.has(origin) ? origin : false),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // x-device-token: the device credential of a client that keeps no cookies (see the auth device-cookie.ts);
    // x-requested-with: what a browser client's refresh and logout must carry (the CSRF check of cookie requests).
    allowedHeaders: ['authorization', 'content-type', 'x-device-token', 'x-requested-with', REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
    maxAge: 600,
  });
}
