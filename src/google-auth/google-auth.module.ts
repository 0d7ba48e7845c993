import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportModule } from '@nestjs/passport';
import { AuthModule } from '../auth/auth.module';
import { googleConfig } from '../config/google.config';
import { GoogleIdTokenStrategy } from './google-id-token.strategy';
import { GoogleIdTokenVerifier } from './google-id-token.verifier';
import { GoogleLoginController } from './google-login.controller';

/**
 * Google ID token → verified profile (the verifier and the 'google-id-token' Passport strategy); AuthModule decides
 * the user. The strategy serves both /users/login/google (here) and /api/auth/login type "google" (LoginGuard).
 */
@Module({
  imports: [PassportModule, AuthModule],
  controllers: [GoogleLoginController],
  providers: [
    {
      // One instance for the whole app, so every route shares one cache of Google's keys.
      provide: GoogleIdTokenVerifier,
      inject: [googleConfig.KEY],
      useFactory: (google: ConfigType<typeof googleConfig>) =>
        new GoogleIdTokenVerifier({ jwksUri: google.jwksUri, clientIds: google.clientIds, cooldownMs: google.jwksCooldownMs }),
    },
    GoogleIdTokenStrategy,
  ],
})
export class GoogleAuthModule {}
