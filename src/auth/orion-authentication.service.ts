import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { displayName } from '../users/user.mapper';
import { OrionAuthenticationDto } from './dto/orion-authentication.dto';
import { AccessTokenService } from './tokens/access-token.service';

/** The answer of the Orion login routes (/users/login, /users/login/google) for a user who has signed in. */
@Injectable()
export class OrionAuthenticationService {
  constructor(private readonly tokens: AccessTokenService) {}

  /** No client on these routes, so the token carries the default audience. */
  authenticated(user: User): OrionAuthenticationDto {
    const { accessToken } = this.tokens.issue(user);
    return {
      // Field by field: never secret2FA, never the password hash (see OrionUserDto).
      user: { hash: user.guid, name: displayName(user), email: user.email, emailValid: user.emailVerified, using2FA: user.using2FA },
      token: accessToken,
    };
  }
}
