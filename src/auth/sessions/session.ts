import { IssuedDeviceCredential } from '../../lockout/device-credentials';
import { User } from '../../users/user.entity';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { IssuedAccessToken } from '../tokens/access-token.service';

/**
 * A started session, before any route shapes it: the user, an access token, for a client a refresh token, and for a
 * sign-in (not a refresh) the device credential of the client.
 */
export interface Session {
  user: User;
  access: IssuedAccessToken;
  refresh: IssuedRefreshToken | null;
  device: IssuedDeviceCredential | null;
}
