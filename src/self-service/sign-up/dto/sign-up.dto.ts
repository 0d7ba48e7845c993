import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NormalizeIdentifier, TrimToNull } from '../../../common/validation/normalize';
import { IsOptionalButNotNull } from '../../../common/validation/optional-not-null';
import { IsPassword } from '../../../common/validation/password.validator';
import { USERNAME_PATTERN } from '../../../users/dto/sync-user.dto';

/** POST /api/auth/signup. */
export class SignUpDto {
  @ApiProperty({ example: 'arya.stark@example.com', description: 'Trimmed and lower-cased; the verification link goes there' })
  @NormalizeIdentifier() @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'N0-one#Valar', description: 'At least PASSWORD_MIN_LENGTH characters, at most 72 bytes' })
  @IsPassword()
  password!: string;

  @ApiPropertyOptional({ example: 'arya', description: 'Lower-cased; letters, digits, . _ -' })
  @IsOptionalButNotNull() @NormalizeIdentifier() @IsString() @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'must be 2–64 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit' })
  username?: string;

  @ApiPropertyOptional({ example: 'Arya Stark', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(200)
  name?: string | null;
}
