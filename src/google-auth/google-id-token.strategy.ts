import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { runStrategy } from '../common/passport/run-strategy';
import { googleConfig } from '../config/google.config';
import { GoogleIdTokenVerifier, GoogleProfile } from './google-id-token.verifier';
import { GoogleTokenError } from './google-token.error';
import { googleNotConfigured, googleTokenFailure } from './google-token-failure';

/** What the caller hands passport-custom: the ID token alone. */
interface IdTokenInput {
  idToken: string;
}

/**
 * Google ID token → verified profile, as a Passport strategy (passport-custom over GoogleIdTokenVerifier). This
 * module only vouches for the token: it never reads or writes users and knows nothing of sessions; the sign-in flow
 * (AuthModule) decides which user the profile is.
 */
@Injectable()
export class GoogleIdTokenStrategy extends PassportStrategy(Strategy, 'google-id-token') {
  private readonly logger = new Logger('GoogleSignIn');

  constructor(
    private readonly verifier: GoogleIdTokenVerifier,
    @Inject(googleConfig.KEY) private readonly google: ConfigType<typeof googleConfig>,
  ) {
    super();
  }

  /** The verified profile; a refused token is a 401 `google_token_<reason>`, our side's trouble a 503. */
  verify(idToken: string): Promise<GoogleProfile> {
    const input: IdTokenInput = { idToken };
    return runStrategy<GoogleProfile>(this, input);
  }

  async validate(input: IdTokenInput): Promise<GoogleProfile> {
    if (this.google.clientIds.length === 0) throw googleNotConfigured();
    return this.verifier.verify(input.idToken).catch((e: unknown) => {
      throw this.failure(e);
    });
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
