import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsObjectIfPresent } from '../../../common/validation/object-if-present';
import { GoogleCredentialsDto } from './google-credentials.dto';
import { MfaCredentialsDto } from './mfa-credentials.dto';

export const LOGIN_TYPES = ['password', 'google', 'mfa', 'refresh_token'] as const;
export type LoginType = (typeof LOGIN_TYPES)[number];

export class PasswordCredentialsDto {
  @ApiProperty({ example: 'cersei-lannister@gmail.com', description: 'E-mail or username (case-insensitive)' })
  @IsString() @IsNotEmpty() @MaxLength(254)
  emailOrUsername!: string;

  @ApiProperty({ example: 'C3rs3i#L4nnist3r' })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  password!: string;
}

export class RefreshTokenCredentialsDto {
  @ApiProperty({ example: 'qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI', description: 'The refresh token of an earlier login' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  refreshToken!: string;
}

/**
 * POST /api/auth/login, as in third-party-user-sync.txt. `type` says which `with…` object is read.
 * `@IsObjectIfPresent()` on each: `@ValidateNested()` alone lets an array through (it validates each, i.e. none).
 */
export class LoginDto {
  @ApiProperty({ enum: LOGIN_TYPES, example: 'password' })
  @IsDefined({ message: 'is required' }) @IsIn(LOGIN_TYPES as unknown as string[], { message: `must be one of: ${LOGIN_TYPES.join(', ')}` })
  type!: LoginType;

  @ApiProperty({ example: 'client-app-id' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  clientId!: string;

  @ApiPropertyOptional({ example: 'client-app-secret', description: 'Required for confidential clients' })
  @IsOptional() @IsString() @MaxLength(512)
  clientSecret?: string;

  @ApiPropertyOptional({ type: PasswordCredentialsDto, description: 'Required when type is "password"' })
  @ValidateIf((o: LoginDto) => o.type === 'password')
  @IsDefined({ message: 'is required when type is "password"' })
  @IsObjectIfPresent() @ValidateNested() @Type(() => PasswordCredentialsDto)
  withPassword?: PasswordCredentialsDto;

  @ApiPropertyOptional({ type: GoogleCredentialsDto, description: 'Required when type is "google"' })
  @ValidateIf((o: LoginDto) => o.type === 'google')
  @IsDefined({ message: 'is required when type is "google"' })
  @IsObjectIfPresent() @ValidateNested() @Type(() => GoogleCredentialsDto)
  withGoogle?: GoogleCredentialsDto;

  @ApiPropertyOptional({ type: MfaCredentialsDto, description: 'Required when type is "mfa": the second step of a two-factor sign-in' })
  @ValidateIf((o: LoginDto) => o.type === 'mfa')
  @IsDefined({ message: 'is required when type is "mfa"' })
  @IsObjectIfPresent() @ValidateNested() @Type(() => MfaCredentialsDto)
  withMfa?: MfaCredentialsDto;

  @ApiPropertyOptional({
    type: RefreshTokenCredentialsDto,
    description: 'Required when type is "refresh_token", but for a browser client, whose gatehouse_refresh cookie is read instead (with X-Requested-With)',
  })
  // Left out, the route takes the token from a browser client's cookie, or names this field for any other client.
  @ValidateIf((o: LoginDto) => o.type === 'refresh_token' && o.withRefreshToken !== undefined)
  @IsDefined({ message: 'is required when type is "refresh_token"' })
  @IsObjectIfPresent() @ValidateNested() @Type(() => RefreshTokenCredentialsDto)
  withRefreshToken?: RefreshTokenCredentialsDto;
}
