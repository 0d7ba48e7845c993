import { ApiProperty } from '@nestjs/swagger';

/** POST /api/auth/email/verify: the address the link was sent to is now proven. */
export class EmailVerifiedResponseDto {
  @ApiProperty({ example: 'cersei-lannister@gmail.com' })
  email!: string;

  @ApiProperty({ example: true })
  emailVerified!: true;
}
