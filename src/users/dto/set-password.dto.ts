import { ApiProperty } from '@nestjs/swagger';
import { IsPassword } from '../../common/validation/password.validator';

/** POST /api/users/:id/password (admin). */
export class SetPasswordDto {
  @ApiProperty({ example: 'N3w#Passw0rd', description: 'At least 8 characters, at most 72 bytes; stored only as a bcrypt hash' })
  @IsPassword()
  password!: string;
}
