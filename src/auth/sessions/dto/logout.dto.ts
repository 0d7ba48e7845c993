import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LogoutDto {
  @ApiProperty({ example: 'qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI', description: 'The refresh token of the session to end' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  refreshToken!: string;
}
