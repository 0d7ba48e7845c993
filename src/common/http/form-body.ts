import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { parse } from 'node:querystring';
import { ApiError, Errors } from '../errors/api-error';

const FORM_ROUTE = 'gatehouseAcceptsForm';

/** The route also reads application/x-www-form-urlencoded bodies (the Orion routes: orion-authenticate.txt). */
export const AcceptsForm = () => RouteConfig({ [FORM_ROUTE]: true });

/** `__proto__`, `constructor` or `prototype` as a whole key or as a bracket/dot segment of one. */
const POISONED_KEY = /(^|[[.])(__proto__|constructor|prototype)([\].]|$)/;

/**
 * Form bodies, only on routes marked @AcceptsForm(): elsewhere a form is a 415, so a JSON API cannot be driven by a
 * cross-site HTML form. Parsed into an object without a prototype (node:querystring), and a key naming `__proto__`,
 * `constructor` or `prototype` is refused with 400, as the JSON parser refuses prototype poisoning. Repeated keys
 * become arrays, which the DTOs reject.
 */
export function registerFormBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (!acceptsForm(request)) return done(jsonOnly(), undefined);
    const parsed = parse(body as string);
    const poisoned = Object.keys(parsed).find((k) => POISONED_KEY.test(k));
    if (poisoned) return done(Errors.badInput([{ field: poisoned, reason: 'is not an allowed field name' }]), undefined);
    done(null, { ...parsed });
  });
  // On a form route, a text/plain body reaches the route's own validation as a string, which answers 400 naming
  // `body` and the missing fields (the Orion contract); everywhere else it is a 415.
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, (request, body, done) => {
    if (!acceptsForm(request)) return done(jsonOnly(), undefined);
    done(null, body);
  });
}

function acceptsForm(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[FORM_ROUTE] === true;
}

const jsonOnly = () =>
  new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'This route reads JSON only (Content-Type: application/json)');
