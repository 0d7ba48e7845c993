import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { ALLOW_SYSTEM_CONTEXT } from '../../common/decorators/allow-system-context.decorator';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { User } from '../../users/user.entity';
import { JWT_STRATEGY } from '../strategies/jwt.strategy';
import { strategyGuard } from './passport-failure';
import { SYSTEM_CONTEXT_HEADER, SystemContextGuard } from './system-context.guard';

/**
 * The global guard: every route needs a Bearer token unless it is @Public(). Routes marked @AllowSystemContext()
 * also accept `x-user-ctx`, checked by the SystemContextGuard. Closed by default.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly jwt = strategyGuard(JWT_STRATEGY);

  constructor(
    private readonly reflector: Reflector,
    private readonly systemContext: SystemContextGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: User }>();
    if (request.headers[SYSTEM_CONTEXT_HEADER] !== undefined && this.reflector.getAllAndOverride<boolean>(ALLOW_SYSTEM_CONTEXT, targets)) {
      return this.systemContext.canActivate(context);
    }
    await this.jwt.canActivate(context);
    request.principal = { kind: 'user', user: request.user as User };
    return true;
  }
}
