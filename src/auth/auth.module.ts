import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { authConfig } from '../config/auth.config';
import { GoogleAuthModule } from '../google-auth/google-auth.module';
import { LockoutModule } from '../lockout/lockout.module';
import { MfaModule } from '../mfa/mfa.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { UsersModule } from '../users/users.module';
import { GoogleAccountsService } from './credentials/google-accounts.service';
import { LocalStrategy } from './credentials/local.strategy';
import { MfaCheck } from './credentials/mfa-check.service';
import { PasswordCheck } from './credentials/password-check.service';
import { AuthenticationGuard } from './guards/authentication.guard';
import { RolesGuard } from './guards/roles.guard';
import { GoogleIdentityController } from './identities/google-identity.controller';
import { GoogleIdentityLinks } from './identities/google-identity-links.service';
import { SystemContextGuard } from './guards/system-context.guard';
import { TwoFactorAdminController } from './mfa/two-factor-admin.controller';
import { TwoFactorController } from './mfa/two-factor.controller';
import { PasswordChangeController } from './password/password-change.controller';
import { BrowserSessions } from './sessions/browser/browser-sessions.service';
import { LogoutController } from './sessions/logout.controller';
import { RefreshTokenIssuer } from './sessions/refresh/refresh-token-issuer.service';
import { RefreshTokenRevocation } from './sessions/refresh/refresh-token-revocation.service';
import { RefreshTokenRotation } from './sessions/refresh/refresh-token-rotation.service';
import { RefreshToken } from './sessions/refresh/refresh-token.entity';
import { SessionIssuer } from './sessions/session-issuer.service';
import { OrionSignInController } from './sign-in/orion-sign-in.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { SignInPolicy } from './sign-in/sign-in-policy';
import { SignInFlow } from './sign-in/sign-in.flow';
import { SignInRecord } from './sign-in/sign-in-record.service';
import { AccessTokenService } from './tokens/access-token.service';
import { JwtStrategy } from './tokens/jwt.strategy';
import { SigningKeys } from './tokens/signing-keys';
import { VerifiedTokenCache } from './tokens/verified-token-cache';
import { WellKnownController } from './tokens/well-known/well-known.controller';

/**
 * Sign-in (sign-in/: the flow and its routes), the credentials it checks (credentials/), sessions and refresh tokens
 * (sessions/), access tokens and how they are signed and checked (tokens/), the guards every route passes (guards/),
 * the owner's links to Google accounts (identities/), and the two-factor routes (mfa/; the second factor itself is
 * MfaModule's). Google ID tokens are verified by GoogleAuthModule, which knows nothing of users or sessions.
 */
@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([RefreshToken]), UsersModule, ClientsModule, PasswordsModule, LockoutModule, AuditModule, GoogleAuthModule, MfaModule],
  controllers: [
    SignInController,
    OrionSignInController,
    LogoutController,
    WellKnownController,
    PasswordChangeController,
    GoogleIdentityController,
    TwoFactorController,
    TwoFactorAdminController,
  ],
  providers: [
    { provide: SigningKeys, inject: [authConfig.KEY], useFactory: (auth: ConfigType<typeof authConfig>) => SigningKeys.load(auth) },
    AccessTokenService,
    VerifiedTokenCache,
    JwtStrategy,
    PasswordCheck,
    LocalStrategy,
    GoogleAccountsService,
    GoogleIdentityLinks,
    MfaCheck,
    RefreshTokenIssuer,
    RefreshTokenRotation,
    RefreshTokenRevocation,
    SessionIssuer,
    BrowserSessions,
    SignInPolicy,
    SignInFlow,
    SignInRecord,
    SystemContextGuard,
    // Order matters: who is calling first, then whether they may.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, SigningKeys, SessionIssuer, RefreshTokenRevocation],
})
export class AuthModule {}
