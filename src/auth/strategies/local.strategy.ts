import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { requestMeta } from '../../audit/request-meta';
import { User } from '../../users/user.entity';
import { CredentialsService } from '../credentials.service';

export const LOCAL_STRATEGY = 'local';

/** `withPassword.emailOrUsername` + `withPassword.password` of the /api/auth/login body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, LOCAL_STRATEGY) {
  constructor(private readonly credentials: CredentialsService) {
    super({ usernameField: 'withPassword[emailOrUsername]', passwordField: 'withPassword[password]', session: false, passReqToCallback: true });
  }

  validate(request: FastifyRequest, emailOrUsername: string, password: string): Promise<User> {
    return this.credentials.verifyPassword(emailOrUsername, password, requestMeta(request));
  }
}
