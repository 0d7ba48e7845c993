import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsString, MaxLength } from 'class-validator';

/** POST /users/login (orion-authenticate.txt), as a form (application/x-www-form-urlencoded) or JSON. */
export class OrionLoginDto {
  @ApiProperty({ example: 'orion@services.dev' })
  @IsDefined({ message: 'is required' }) @IsString() @MaxLength(254) @IsEmail({}, { message: 'must be an e-mail address' })
  email!: string;

  @ApiProperty({ example: '12345678' })
  @IsDefined({ message: 'is required' }) @IsString() @MaxLength(1024)
  password!: string;
}
