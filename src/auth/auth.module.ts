import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { authConfig } from '../config/auth.config';
import { LockoutModule } from '../lockout/lockout.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { CredentialsService } from './credentials.service';
import { AuthenticationGuard } from './guards/authentication.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { LoginGuard } from './guards/login.guard';
import { RolesGuard } from './guards/roles.guard';
import { SystemContextGuard } from './guards/system-context.guard';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { AccessTokenService } from './tokens/access-token.service';
import { SigningKeys } from './tokens/signing-keys';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule, ClientsModule, PasswordsModule, LockoutModule, AuditModule],
  controllers: [AuthController],
  providers: [
    { provide: SigningKeys, inject: [authConfig.KEY], useFactory: (auth: ConfigType<typeof authConfig>) => SigningKeys.load(auth) },
    AccessTokenService,
    CredentialsService,
    LocalStrategy,
    JwtStrategy,
    JwtAuthGuard,
    SystemContextGuard,
    LoginGuard,
    // Order matters: who is calling first, then whether they may.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, CredentialsService, SigningKeys],
})
export class AuthModule {}
