import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NormalizeIdentifier } from '../../../common/validation/normalize';

/**
 * POST /users/login (orion-authenticate.txt), as a form (application/x-www-form-urlencoded) or JSON.
 * Decorators apply bottom-up, so the type check written last is the reason reported (see firstPerField).
 */
export class OrionLoginDto {
  /** Normalised before it is checked, so a full-width form of an address is that address (see normalizeIdentifier). */
  @ApiProperty({ example: 'orion@services.dev' })
  @NormalizeIdentifier() @IsDefined({ message: 'is required' }) @MaxLength(254) @IsEmail({}, { message: 'must be an e-mail address' }) @IsString()
  email!: string;

  @ApiProperty({ example: '12345678' })
  @IsDefined({ message: 'is required' }) @IsNotEmpty({ message: 'is required' }) @MaxLength(1024) @IsString()
  password!: string;
}
