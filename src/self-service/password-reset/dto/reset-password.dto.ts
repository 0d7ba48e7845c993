import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPassword } from '../../../common/validation/password.validator';

/** POST /api/auth/password/reset. */
export class ResetPasswordDto {
  @ApiProperty({ example: 'kq3J0xP1c9Vb8mZt2Yw4Ln6Rs5Ud7Ae0Fg1Hi2Jk3L', description: 'The `token` of the link in the reset mail' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  token!: string;

  @ApiProperty({ example: 'N3w#Passw0rd', description: 'At least PASSWORD_MIN_LENGTH characters, at most 72 bytes' })
  @IsPassword()
  newPassword!: string;

  @ApiPropertyOptional({ example: '123456', description: 'Required when the account has two-factor sign-in: a current code, or a recovery code' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  code?: string;
}
