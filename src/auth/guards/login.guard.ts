import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { IAuthGuard } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { validateBody } from '../../common/pipes/validation';
import { GOOGLE_ID_TOKEN_STRATEGY } from '../../google-auth/google-id-token.strategy';
import { LoginDto, LoginType } from '../dto/login.dto';
import { REFRESH_TOKEN_STRATEGY } from '../refresh/refresh-token.strategy';
import { LOCAL_STRATEGY } from '../strategies/local.strategy';
import { strategyGuard } from './passport-failure';

declare module 'fastify' {
  interface FastifyRequest {
    client?: Client;
  }
}

/** Which Passport strategy checks each login `type`. */
const STRATEGY_FOR: Record<LoginType, string> = {
  password: LOCAL_STRATEGY,
  google: GOOGLE_ID_TOKEN_STRATEGY,
  refresh_token: REFRESH_TOKEN_STRATEGY,
};

/**
 * POST /api/auth/login: the body is validated first (guards run before pipes, and a missing field is a 400, not a
 * 401), then the client is authenticated, then the Passport strategy for `type` checks the credentials.
 */
@Injectable()
export class LoginGuard implements CanActivate {
  private readonly guards = new Map<string, IAuthGuard>(
    Object.entries(STRATEGY_FOR).map(([type, strategy]) => [type, strategyGuard(strategy)]),
  );

  constructor(private readonly clients: ClientsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = await validateBody(LoginDto, request.body);
    request.client = await this.clients.authenticate(body.clientId, body.clientSecret);
    return (await this.guards.get(body.type)!.canActivate(context)) as boolean;
  }
}
