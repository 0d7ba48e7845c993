import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPassword } from '../../common/validation/password.validator';

/** POST /api/users/me/password. */
export class ChangePasswordDto {
  @ApiProperty({ example: 'C3rs3i#L4nnist3r' })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ example: 'N3w#Passw0rd', description: 'At least 8 characters, at most 72 bytes' })
  @IsPassword()
  newPassword!: string;
}
