import { Injectable } from '@nestjs/common';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { User } from '../../users/user.entity';
import { AccessTokenService } from '../tokens/access-token.service';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { RefreshTokenIssuer } from './refresh/refresh-token-issuer.service';
import { Session } from './session';

/**
 * Step 4 of every sign-in: an access token for the client (or the default audience when there is none, as on the
 * Orion routes) and, for a client, a refresh token. A sign-in that already produced its refresh token (a rotation)
 * passes it in; any other through a client starts a new family.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenIssuer,
    private readonly clients: ClientsService,
  ) {}

  async start(user: User, client: Client | null, rotated?: IssuedRefreshToken): Promise<Session> {
    const refresh = client ? (rotated ?? (await this.refreshTokens.issue(user, client.id))) : null;
    return { user, access: this.accessTokens.issue(user, client?.id), refresh };
  }

  /**
   * A new session for a signed-in caller whose sessions were just revoked (own password change): for the client
   * its token was issued to. A token of the default audience (no client) gets an access token only, since refresh
   * tokens are bound to a client.
   */
  async resume(user: User, audience: string): Promise<Session> {
    if (!this.clients.knownClientIds().includes(audience)) return { user, access: this.accessTokens.issue(user, audience), refresh: null };
    const refresh = await this.refreshTokens.issue(user, audience);
    return { user, access: this.accessTokens.issue(user, audience), refresh };
  }
}
