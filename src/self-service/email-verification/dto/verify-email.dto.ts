import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /api/auth/email/verify. */
export class VerifyEmailDto {
  @ApiProperty({ example: 'Zp8tW1qL0cN5vB7xR2mK9yH4sD6fG3jA1eU0iO8nT5Q', description: 'The `token` of the link in the verification mail' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  token!: string;
}
