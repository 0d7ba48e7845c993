import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { REQUIRED_ROLES } from '../../common/decorators/roles.decorator';
import { Errors } from '../../common/errors/api-error';

/**
 * Runs after authentication: a route with @Roles() needs a user holding one of them. A system context (already
 * checked to come from a trusted network, and only on routes that allow it) acts with full rights.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
    if (!principal) throw Errors.unauthenticated();
    if (principal.kind === 'system') return true;
    const held = principal.user.roles ?? [];
    if (roles.some((r) => held.includes(r))) return true;
    throw Errors.forbidden(`This action needs the role: ${roles.join(' or ')}`);
  }
}
