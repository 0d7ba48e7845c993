import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../audit/request-meta';
import { Strategy } from 'passport-custom';
import { GoogleSignInService } from '../auth/google-sign-in.service';
import { googleConfig } from '../config/google.config';
import { User } from '../users/user.entity';
import { GoogleIdTokenVerifier } from './google-id-token.verifier';
import { GoogleTokenError } from './google-token.error';
import { googleNotConfigured, googleTokenFailure } from './google-token-failure';

export const GOOGLE_ID_TOKEN_STRATEGY = 'google-id-token';

/** `withGoogle.idToken` on /api/auth/login, `idToken` on /users/login/google (each body is validated beforehand). */
function idTokenFrom(body: unknown): unknown {
  const b = (body ?? {}) as { idToken?: unknown; withGoogle?: { idToken?: unknown } };
  return b.withGoogle !== undefined ? b.withGoogle?.idToken : b.idToken;
}

/**
 * Google ID token → verified profile → AuthModule decides which user that is. This module only vouches for the
 * token; it never reads or writes users itself.
 */
@Injectable()
export class GoogleIdTokenStrategy extends PassportStrategy(Strategy, GOOGLE_ID_TOKEN_STRATEGY) {
  private readonly logger = new Logger('GoogleSignIn');

  constructor(
    private readonly verifier: GoogleIdTokenVerifier,
    private readonly signIn: GoogleSignInService,
    @Inject(googleConfig.KEY) private readonly google: ConfigType<typeof googleConfig>,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<User> {
    if (this.google.clientIds.length === 0) throw googleNotConfigured();
    const idToken = idTokenFrom(request.body);
    const profile = await this.verifier.verify(typeof idToken === 'string' ? idToken : '').catch((e: unknown) => {
      throw this.failure(e);
    });
    return this.signIn.signIn(profile, requestMeta(request));
  }

  private failure(e: unknown): unknown {
    if (!(e instanceof GoogleTokenError)) return e;
    if (e.reason === 'keys_unavailable') {
      const cause = (e as { cause?: unknown }).cause;
      this.logger.warn(`Cannot fetch Google keys: ${cause instanceof Error ? cause.message : String(cause ?? e.message)}`);
    }
    return googleTokenFailure(e);
  }
}
