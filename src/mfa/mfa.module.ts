import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { EncryptionModule } from '../encryption/encryption.module';
import { LockoutModule } from '../lockout/lockout.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { UsersModule } from '../users/users.module';
import { MfaChallengeRow } from './challenges/mfa-challenge.entity';
import { MfaChallenges } from './challenges/mfa-challenges.service';
import { OwnPasswordCheck } from './own-password-check';
import { RecoveryCode } from './recovery/recovery-code.entity';
import { RecoveryCodes } from './recovery/recovery-codes.service';
import { SecondFactor } from './second-factor.service';
import { TotpSecrets } from './totp/totp-secrets.service';
import { UserTotp } from './totp/user-totp.entity';
import { TwoFactorEnrolment } from './two-factor-enrolment.service';
import { TwoFactorRemoval } from './two-factor-removal.service';

/**
 * The second factor: TOTP secrets (encrypted at rest), recovery codes (hashed), the challenges between the first
 * factor and the code, and the use cases of enrolment and removal. Sign-in (AuthModule) asks it for a challenge and
 * for the check of a code; the routes live in AuthModule too, since enrolment ends sessions and starts a new one.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserTotp, RecoveryCode, MfaChallengeRow]), UsersModule, AuditModule, LockoutModule, PasswordsModule, EncryptionModule],
  providers: [TotpSecrets, RecoveryCodes, MfaChallenges, SecondFactor, OwnPasswordCheck, TwoFactorEnrolment, TwoFactorRemoval],
  exports: [MfaChallenges, SecondFactor, TwoFactorEnrolment, TwoFactorRemoval],
})
export class MfaModule {}
