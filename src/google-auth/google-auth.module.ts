import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { googleConfig } from '../config/google.config';
import { GoogleIdTokenStrategy } from './google-id-token.strategy';
import { GoogleIdTokenVerifier } from './google-id-token.verifier';

/**
 * Google ID token → verified profile: the verifier and the 'google-id-token' Passport strategy. It imports no other
 * feature: AuthModule's sign-in flow uses it for POST /api/auth/login `type: "google"` and the Orion
 * POST /users/login/google, and decides the user itself.
 */
@Module({
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
  exports: [GoogleIdTokenStrategy],
})
export class GoogleAuthModule {}
