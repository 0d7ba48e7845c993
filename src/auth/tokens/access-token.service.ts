import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { authConfig } from '../../config/auth.config';
import { User } from '../../users/user.entity';
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
    private readonly jwt: JwtService,
    private readonly keys: SigningKeys,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  /** An RS256 access token for `user`, addressed to `audience` (the client id, or the default audience). */
  issue(user: User, audience: string = this.auth.defaultAudience): IssuedAccessToken {
    const key = this.keys.current;
    const groups = user.roles && user.roles.length > 0 ? user.roles : DEFAULT_GROUPS;
    const accessToken = this.jwt.sign(
      { email: user.email, upn: user.email, groups, c_hash: user.guid, gen: user.tokenGeneration },
      {
        algorithm: 'RS256',
        privateKey: key.privateKey,
        keyid: key.kid,
        subject: user.id,
        issuer: this.auth.issuer,
        audience,
        jwtid: randomUUID(),
        expiresIn: this.auth.accessTokenTtlSeconds,
      },
    );
    return { accessToken, expiresIn: this.auth.accessTokenTtlSeconds };
  }
}
