import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { NormalizeIdentifier } from '../../../common/validation/normalize';

/** POST /api/auth/password/forgot. */
export class ForgotPasswordDto {
  @ApiProperty({ example: 'cersei-lannister@gmail.com', description: 'The address of the account; trimmed and lower-cased' })
  @NormalizeIdentifier() @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254)
  email!: string;
}
