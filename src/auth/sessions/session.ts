import { User } from '../../users/user.entity';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { IssuedAccessToken } from '../tokens/access-token.service';

/** A started session, before any route shapes it: the user, an access token and, for a client, a refresh token. */
export interface Session {
  user: User;
  access: IssuedAccessToken;
  refresh: IssuedRefreshToken | null;
}
