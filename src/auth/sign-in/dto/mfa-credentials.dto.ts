import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsSecondFactorCode } from '../../../mfa/second-factor-code';

/** The second step of a two-factor sign-in: the mfaToken the first step answered, and a code. */
export class MfaCredentialsDto {
  @ApiProperty({ example: 'Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV', description: 'The mfaToken of the first step (single use, valid 5 minutes)' })
  @IsDefined({ message: 'is required' }) @IsNotEmpty({ message: 'is required' }) @MaxLength(128) @IsString()
  mfaToken!: string;

  @ApiProperty({ example: '123456', description: 'A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)' })
  @IsDefined({ message: 'is required' }) @IsSecondFactorCode() @IsString()
  code!: string;
}
