import { Injectable } from '@nestjs/common';
import { ClientsService } from '../clients/clients.service';
import { User } from '../users/user.entity';
import { toUserResponse } from '../users/user.mapper';
import { LoginResponseDto } from './dto/login-response.dto';
import { SessionResponseDto } from './dto/session-response.dto';
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
    private readonly clients: ClientsService,
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

  /**
   * A new session for a signed-in caller whose sessions were just revoked (own password change): for the client
   * its token was issued to. A token of the default audience (no client) gets an access token only, since refresh
   * tokens are bound to a client.
   */
  async resume(user: User, audience: string): Promise<SessionResponseDto> {
    if (this.clients.knownClientIds().includes(audience)) return this.start(user, audience);
    const { accessToken, expiresIn } = this.accessTokens.issue(user, audience);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toUserResponse(user) };
  }
}
