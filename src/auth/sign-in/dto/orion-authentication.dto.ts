import { ApiProperty } from '@nestjs/swagger';
import { OrionUserDto } from '../../../users/dto/orion-user.dto';

/** The answer of the Orion sign-in routes: the user and a signed JWT. */
export class OrionAuthenticationDto {
  @ApiProperty({ type: OrionUserDto })
  user!: OrionUserDto;

  @ApiProperty({
    example: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...',
    description: 'RS256 access token (sub, iss, aud, iat, exp, jti, email, upn, groups, c_hash), as from /api/auth/login',
  })
  token!: string;
}
