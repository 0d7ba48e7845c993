import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Errors } from '../errors/api-error';

/**
 * The signed-in user, for routes about one's own account: a caller authenticated otherwise (a system context) has
 * no "own" account, so it gets the same 401 as no credentials at all. The parameter is typed by the route (the
 * users feature's entity), which is what the authentication guard put there.
 */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal?.kind !== 'user') throw Errors.unauthenticated();
  return principal.user;
});

/** The audience of the signed-in user's Bearer token: the client it was issued to (or the default audience). */
export const CurrentAudience = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal?.kind !== 'user') throw Errors.unauthenticated();
  return principal.audience;
});
