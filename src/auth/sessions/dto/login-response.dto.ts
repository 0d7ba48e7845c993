import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponseDto } from '../../../users/dto/user-response.dto';

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...', description: 'RS256 JWT; verify with /.well-known/jwks.json' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 300, description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiPropertyOptional({
    example: 'qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI',
    description:
      'Opaque, single-use: exchange it with type "refresh_token" for a new pair. Keep it secret. ' +
      'Absent for a browser client: it is set as the HttpOnly cookie gatehouse_refresh instead.',
  })
  refreshToken?: string;

  @ApiProperty({ example: 2592000, description: 'Seconds until the refresh token (and its whole session) expires; rotation does not extend it' })
  refreshExpiresIn!: number;

  @ApiPropertyOptional({
    example: 'ZDE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTp4R2Y0LVRxWTJrTm5ZOFJ3OjE3NjQwMDAxMDA6MA.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    description:
      'The device credential (also set as the HttpOnly cookie gatehouse_device) of a sign-in: send it back as that cookie or ' +
      'as the X-Device-Token header on later sign-ins, so this client keeps its own budget of failed passwords (and signs in) ' +
      'while the account is locked to clients without one. Not on a refresh.',
  })
  deviceToken?: string;

  @ApiProperty({ type: UserResponseDto })
  user!: UserResponseDto;
}
