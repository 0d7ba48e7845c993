import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { User } from '../../users/user.entity';
import { LoginDto } from '../dto/login.dto';
import { IssuedRefreshToken } from './issued-refresh-token';
import { RefreshTokenRotation } from './refresh-token-rotation.service';

export const REFRESH_TOKEN_STRATEGY = 'refresh-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the login itself produced the refresh token (a rotation), so no new family is started. */
    issuedRefreshToken?: IssuedRefreshToken;
  }
}

/**
 * `type: "refresh_token"` of /api/auth/login. Runs after the LoginGuard has validated the body and authenticated
 * the client, so the token is checked against that client.
 */
@Injectable()
export class RefreshTokenStrategy extends PassportStrategy(Strategy, REFRESH_TOKEN_STRATEGY) {
  constructor(private readonly rotation: RefreshTokenRotation) {
    super();
  }

  async validate(request: FastifyRequest): Promise<User> {
    const body = request.body as LoginDto;
    const { user, refreshToken } = await this.rotation.rotate(body.withRefreshToken!.refreshToken, request.client!.id);
    request.issuedRefreshToken = refreshToken;
    return user;
  }
}
