import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { JWT_STRATEGY } from '../strategies/jwt.strategy';
import { passportFailure } from './passport-failure';

/** Passport's JWT strategy, with failures turned into our 401 body. */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) throw passportFailure(err, info);
    return user;
  }
}
