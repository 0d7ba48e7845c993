import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { ALLOW_SYSTEM_CONTEXT } from '../../common/decorators/allow-system-context.decorator';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { JwtStrategy } from '../tokens/jwt.strategy';
import { SYSTEM_CONTEXT_HEADER, SystemContextGuard } from './system-context.guard';

/**
 * The global guard: every route needs a Bearer token unless it is @Public(). Routes marked @AllowSystemContext()
 * also accept `x-user-ctx`, checked by the SystemContextGuard. Closed by default. The caller it finds is the one
 * value left on the request (`principal`), read by @CurrentPrincipal() and @CurrentUser().
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly systemContext: SystemContextGuard,
    private readonly jwt: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.headers[SYSTEM_CONTEXT_HEADER] !== undefined && this.reflector.getAllAndOverride<boolean>(ALLOW_SYSTEM_CONTEXT, targets)) {
      return this.systemContext.canActivate(context);
    }
    const { user, claims } = await this.jwt.check(request);
    request.principal = { kind: 'user', user, audience: claims.aud };
    return true;
  }
}
