import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BackgroundWork } from '../common/process/background-work';
import { LockoutModule } from '../lockout/lockout.module';
import { MfaModule } from '../mfa/mfa.module';
import { MailModule } from '../mail/mail.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { UsersModule } from '../users/users.module';
import { AccountToken } from './account-tokens/account-token.entity';
import { AccountTokens } from './account-tokens/account-tokens.service';
import { EmailVerificationController } from './email-verification/email-verification.controller';
import { EmailVerification } from './email-verification/email-verification.service';
import { VerificationLinkController } from './email-verification/verification-link.controller';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordReset } from './password-reset/password-reset.service';
import { ResetRequests } from './password-reset/reset-requests.service';
import { SignUpOpenGuard } from './sign-up/sign-up-open.guard';
import { SignUpController } from './sign-up/sign-up.controller';
import { SignUp } from './sign-up/sign-up.service';

/**
 * What people do for their own account over e-mail, without an admin: reset a forgotten password, prove their
 * address, sign up (when SIGNUP_ENABLED). The links' tokens (account-tokens/), the mails (MailModule), the limits
 * (RateLimitModule); sessions are ended through AuthModule, locks through LockoutModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AccountToken]), UsersModule, AuthModule, LockoutModule, MfaModule, PasswordsModule, MailModule, RateLimitModule, AuditModule],
  controllers: [PasswordResetController, VerificationLinkController, EmailVerificationController, SignUpController],
  providers: [
    AccountTokens,
    BackgroundWork,
    ResetRequests,
    PasswordReset,
    EmailVerification,
    SignUp,
    SignUpOpenGuard,
  ],
})
export class SelfServiceModule {}
