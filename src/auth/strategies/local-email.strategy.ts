import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { requestMeta } from '../../audit/request-meta';
import { User } from '../../users/user.entity';
import { CredentialsService } from '../credentials.service';

export const LOCAL_EMAIL_STRATEGY = 'local-email';

/**
 * `email` + `password` at the top of the body (the Orion /users/login form). Same credentials check as the
 * /api/auth/login password strategy: only where the fields are read differs.
 */
@Injectable()
export class LocalEmailStrategy extends PassportStrategy(Strategy, LOCAL_EMAIL_STRATEGY) {
  constructor(private readonly credentials: CredentialsService) {
    super({ usernameField: 'email', passwordField: 'password', session: false, passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<User> {
    return this.credentials.verifyPassword(email, password, requestMeta(request));
  }
}
