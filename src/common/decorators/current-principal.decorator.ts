import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Errors } from '../errors/api-error';
import { Principal } from '../principal';

/** The authenticated caller, as set by the global authentication guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw Errors.unauthenticated();
  return principal;
});
