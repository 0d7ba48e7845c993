import { Injectable } from '@nestjs/common';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { DeviceCredentials } from '../../lockout/device-credentials';
import { User } from '../../users/user.entity';
import { AccessTokenService } from '../tokens/access-token.service';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { RefreshTokenIssuer } from './refresh/refresh-token-issuer.service';
import { Session } from './session';

/** How a session starts: a sign-in's device credentials as presented, or the refresh token a rotation produced. */
export type SessionStart = { deviceTokens: readonly string[] } | { rotated: IssuedRefreshToken };

/**
 * Step 4 of every sign-in: an access token for the client (or the default audience when there is none, as on the
 * Orion routes) and, for a client, a refresh token. A sign-in that already produced its refresh token (a rotation)
 * passes it in; any other through a client starts a new family. A sign-in also hands the client its device
 * credential, new or renewed: the lockout's proof that this client signed in to this account before.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenIssuer,
    private readonly clients: ClientsService,
    private readonly devices: DeviceCredentials,
  ) {}

  async start(user: User, client: Client | null, from: SessionStart): Promise<Session> {
    const rotated = 'rotated' in from ? from.rotated : undefined;
    // The signature (off the event loop) and the refresh-token row are made at the same time.
    const [access, refresh] = await Promise.all([
      this.accessTokens.issue(user, client?.id),
      client ? (rotated ?? this.refreshTokens.issue(user, client.id)) : null,
    ]);
    const device = 'deviceTokens' in from ? this.devices.issue(user, from.deviceTokens) : null;
    return { user, access, refresh, device };
  }

  /**
   * A new session for a signed-in caller whose sessions were just revoked (own password change): for the client
   * its token was issued to. A token of the default audience (no client) gets an access token only, since refresh
   * tokens are bound to a client. The revocation made the caller's device credential stale: it is renewed too.
   */
  async resume(user: User, audience: string, deviceTokens: readonly string[]): Promise<Session> {
    const device = this.devices.issue(user, deviceTokens);
    if (!this.clients.knownClientIds().includes(audience)) return { user, access: await this.accessTokens.issue(user, audience), refresh: null, device };
    const refresh = await this.refreshTokens.issue(user, audience);
    return { user, access: await this.accessTokens.issue(user, audience), refresh, device };
  }
}
