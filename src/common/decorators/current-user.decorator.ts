import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Errors } from '../errors/api-error';
import { User } from '../../users/user.entity';

/**
 * The signed-in user, for routes about one's own account: a caller authenticated otherwise (a system context) has
 * no "own" account, so it gets the same 401 as no credentials at all.
 */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): User => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal?.kind !== 'user') throw Errors.unauthenticated();
  return principal.user;
});
