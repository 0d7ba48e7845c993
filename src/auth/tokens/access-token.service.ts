import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { authConfig } from '../../config/auth.config';
import { User } from '../../users/user.entity';
import { signRs256 } from './rs256-signer';
import { SigningKeys } from './signing-keys';

export interface AccessTokenClaims {
  sub: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  email: string;
  upn: string;
  groups: string[];
  c_hash: string;
  /** The user's tokenGeneration at issue; a token of an older generation is refused (revoked sessions). */
  gen?: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Users without roles are plain users; the `groups` claim always says so explicitly. */
export const DEFAULT_GROUPS = ['user'];

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  /**
   * An RS256 access token for `user`, addressed to `audience` (the client id, or the default audience). The claims
   * and their order are those jsonwebtoken writes (payload, then iat, exp, aud, iss, sub, jti); the signature is
   * computed off the event loop (rs256-signer.ts).
   */
  async issue(user: User, audience: string = this.auth.defaultAudience): Promise<IssuedAccessToken> {
    const key = this.keys.current;
    const groups = user.roles && user.roles.length > 0 ? user.roles : DEFAULT_GROUPS;
    const iat = Math.floor(Date.now() / 1000);
    const ttl = this.auth.accessTokenTtlSeconds;
    const claims: AccessTokenClaims = {
      email: user.email,
      upn: user.email,
      groups,
      c_hash: user.guid,
      gen: user.tokenGeneration,
      iat,
      exp: iat + ttl,
      aud: audience,
      iss: this.auth.issuer,
      sub: user.id,
      jti: randomUUID(),
    };
    return { accessToken: await signRs256(claims, key.privateKey, key.kid), expiresIn: ttl };
  }
}
