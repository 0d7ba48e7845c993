import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { NormalizeIdentifier, TrimToNull } from '../../common/validation/normalize';
import { IsOptionalButNotNull } from '../../common/validation/optional-not-null';
import { IsPassword } from '../../common/validation/password.validator';
import { IsPasswordHash } from '../../passwords/formats/is-password-hash.validator';
import { ACCEPTED_FORMATS } from '../../passwords/formats/stored-hash';

/** Usernames cannot contain `@`, so "email or username" at login is never ambiguous. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The profile fields a sync or an admin may set. */
export class UserProfileDto {
  @ApiPropertyOptional({ example: 'Cersei Lannister', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ example: 'Cersei', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(100)
  firstName?: string | null;

  @ApiPropertyOptional({ example: 'Lannister', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(100)
  lastName?: string | null;

  @ApiPropertyOptional({ example: 'en-GB', nullable: true, type: String })
  @IsOptional() @TrimToNull() @MaxLength(35) @Matches(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as en-GB' })
  locale?: string | null;

  @ApiPropertyOptional({ example: '+441234567890', nullable: true, type: String })
  @IsOptional() @TrimToNull() @MaxLength(32) @Matches(/^\+?[0-9 ()-]{4,31}$/, { message: 'must be a phone number of digits, spaces, ()-, optionally starting with +' })
  phoneNumber?: string | null;

  @ApiPropertyOptional({ example: 'https://example.com/avatar.png', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(2048)
  avatar?: string | null;

  @ApiPropertyOptional({ example: '1990-04-01', nullable: true, type: String, format: 'date' })
  @IsOptional() @TrimToNull() @MaxLength(10) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true })
  birthday?: string | null;

  @ApiPropertyOptional({ example: 'female', nullable: true, type: String })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(32)
  gender?: string | null;
}

/** PUT /api/users: a user as another system knows it. Matched by e-mail, then by username. */
export class SyncUserDto extends UserProfileDto {
  @ApiPropertyOptional({ example: 'cersei.lannister', description: 'Lower-cased; letters, digits, . _ -' })
  @IsOptionalButNotNull() @NormalizeIdentifier() @IsString() @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'must be 2–64 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit' })
  username?: string;

  @ApiProperty({ example: 'cersei-lannister@gmail.com', description: 'Required to create a user; lower-cased' })
  @IsOptionalButNotNull() @NormalizeIdentifier() @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'C3rs3i#L4nnist3r', description: 'Plain text over TLS; stored only as a bcrypt hash' })
  @IsOptionalButNotNull() @IsPassword()
  password?: string;

  @ApiPropertyOptional({
    example: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',
    description:
      'Instead of `password` (sending both is a 400): the hash another system stored, to move its users without their ' +
      `passwords. Accepted: ${ACCEPTED_FORMATS}. Upgraded to bcrypt at the first successful sign-in. The same hash sent ` +
      'again changes nothing, even after that upgrade. Never returned.',
  })
  @IsOptionalButNotNull() @IsPasswordHash()
  passwordHash?: string;

  @ApiPropertyOptional({ example: true, description: 'Set by the syncing system, which knows whether it verified the address' })
  @IsOptionalButNotNull() @IsBoolean()
  emailVerified?: boolean;

  @ApiPropertyOptional({ example: ['user'], nullable: true, type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z][a-z0-9_:-]{0,39}$/, { each: true, message: 'each role must be lower-case letters, digits, _ : -' })
  roles?: string[] | null;

  @ApiPropertyOptional({ example: true })
  @IsOptionalButNotNull() @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Restore the user if this e-mail belongs to a soft-deleted one (otherwise that is a 409)' })
  @IsOptionalButNotNull() @IsBoolean()
  restore?: boolean;
}
