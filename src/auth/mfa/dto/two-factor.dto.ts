import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalButNotNull } from '../../../common/validation/optional-not-null';
import { IsSecondFactorCode } from '../../../mfa/second-factor-code';

const PASSWORD = {
  example: 'C3rs3i#L4nnist3r',
  description: 'Your current password; required when the account has one (an account made by Google sign-in has none)',
};

/** POST /api/users/me/2fa/totp/confirm: the first code of the new secret (a TOTP code, not a recovery code). */
export class ConfirmTotpDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code the authenticator app shows for the new secret' })
  @IsDefined({ message: 'is required' }) @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6-digit code of the authenticator app' }) @IsString()
  code!: string;

  @ApiPropertyOptional(PASSWORD)
  @IsOptionalButNotNull() @IsString() @IsNotEmpty() @MaxLength(1024)
  password?: string;
}

/** POST /api/users/me/2fa/recovery-codes: a code of the user's second factor. */
export class SecondFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)' })
  @IsDefined({ message: 'is required' }) @IsSecondFactorCode() @IsString()
  code!: string;
}

/** DELETE /api/users/me/2fa: the password and a code. */
export class DisableTwoFactorDto extends SecondFactorCodeDto {
  @ApiPropertyOptional(PASSWORD)
  @IsOptionalButNotNull() @IsString() @IsNotEmpty() @MaxLength(1024)
  password?: string;
}
