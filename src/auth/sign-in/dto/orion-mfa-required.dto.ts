import { ApiProperty } from '@nestjs/swagger';

/** The Orion sign-in answer for a user with two-factor sign-in after a right first factor: no user, no token. */
export class OrionMfaRequiredDto {
  @ApiProperty({ example: true, enum: [true] })
  requires2FA!: true;

  @ApiProperty({ example: 'Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV', description: 'Send it with a code to POST /users/login/2fa (single use, valid 5 minutes)' })
  mfaToken!: string;

  @ApiProperty({ example: 'Two-factor authentication required: send mfaToken and a code to /users/login/2fa' })
  message!: string;
}
