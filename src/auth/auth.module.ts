import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { authConfig } from '../config/auth.config';
import { LockoutModule } from '../lockout/lockout.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { CredentialsService } from './credentials.service';
import { GoogleSignInService } from './google-sign-in.service';
import { AuthenticationGuard } from './guards/authentication.guard';
import { LoginGuard } from './guards/login.guard';
import { RolesGuard } from './guards/roles.guard';
import { SystemContextGuard } from './guards/system-context.guard';
import { OrionAuthenticationService } from './orion-authentication.service';
import { OrionLoginController } from './orion-login.controller';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalEmailStrategy } from './strategies/local-email.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { LogoutController } from './refresh/logout.controller';
import { RefreshTokenIssuer } from './refresh/refresh-token-issuer.service';
import { RefreshTokenRevocation } from './refresh/refresh-token-revocation.service';
import { RefreshTokenRotation } from './refresh/refresh-token-rotation.service';
import { RefreshToken } from './refresh/refresh-token.entity';
import { RefreshTokenStrategy } from './refresh/refresh-token.strategy';
import { PasswordChangeController } from './password/password-change.controller';
import { SessionIssuer } from './session-issuer.service';
import { WellKnownController } from './well-known/well-known.controller';
import { VerifiedTokenCache } from './tokens/verified-token-cache';
import { AccessTokenService } from './tokens/access-token.service';
import { SigningKeys } from './tokens/signing-keys';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([RefreshToken]),
    UsersModule,
    ClientsModule,
    PasswordsModule,
    LockoutModule,
    AuditModule,
  ],
  controllers: [AuthController, OrionLoginController, LogoutController, WellKnownController, PasswordChangeController],
  providers: [
    { provide: SigningKeys, inject: [authConfig.KEY], useFactory: (auth: ConfigType<typeof authConfig>) => SigningKeys.load(auth) },
    AccessTokenService,
    VerifiedTokenCache,
    CredentialsService,
    LocalStrategy,
    LocalEmailStrategy,
    GoogleSignInService,
    OrionAuthenticationService,
    JwtStrategy,
    RefreshTokenStrategy,
    RefreshTokenIssuer,
    RefreshTokenRotation,
    RefreshTokenRevocation,
    SessionIssuer,
    SystemContextGuard,
    LoginGuard,
    // Order matters: who is calling first, then whether they may.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, CredentialsService, SigningKeys, SessionIssuer, GoogleSignInService, OrionAuthenticationService],
})
export class AuthModule {}
