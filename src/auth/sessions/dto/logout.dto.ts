import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LogoutDto {
  @ApiPropertyOptional({
    example: 'qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI',
    description: 'The refresh token of the session to end; a browser client leaves it out (its cookie is read)',
  })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(128)
  refreshToken?: string;
}
