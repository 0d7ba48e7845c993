import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { LoginResponseDto } from './login-response.dto';

/** A session given to an already signed-in caller; the refresh token is there when the token was issued to a client. */
export class SessionResponseDto extends OmitType(LoginResponseDto, ['refreshToken', 'refreshExpiresIn'] as const) {
  @ApiPropertyOptional({ example: 'qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI', description: 'Present when the previous token was issued to a client' })
  refreshToken?: string;

  @ApiPropertyOptional({ example: 2592000 })
  refreshExpiresIn?: number;
}
