import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { toUserResponse } from '../users/user.mapper';
import { LoginResponseDto } from './dto/login-response.dto';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { RefreshTokenIssuer } from './refresh/refresh-token-issuer.service';
import { AccessTokenService } from './tokens/access-token.service';

/**
 * The answer to every successful login, whatever its type: an access token plus a refresh token. A login that
 * already produced its refresh token (a rotation) passes it in; any other starts a new family.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenIssuer,
  ) {}

  async start(user: User, clientId: string, rotated?: IssuedRefreshToken): Promise<LoginResponseDto> {
    const refresh = rotated ?? (await this.refreshTokens.issue(user, clientId));
    const { accessToken, expiresIn } = this.accessTokens.issue(user, clientId);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      refreshToken: refresh.token,
      refreshExpiresIn: Math.max(0, Math.floor((refresh.expiresAt.getTime() - Date.now()) / 1000)),
      user: toUserResponse(user),
    };
  }
}
