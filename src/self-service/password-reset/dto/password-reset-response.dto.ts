import { ApiProperty } from '@nestjs/swagger';

/** POST /api/auth/password/reset: done; the person signs in with the new password (every session has ended). */
export class PasswordResetResponseDto {
  @ApiProperty({ example: true })
  passwordReset!: true;
}
