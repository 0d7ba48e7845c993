import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/decorators/public.decorator';
import { appConfig } from '../../../config/app.config';
import { authConfig } from '../../../config/auth.config';
import { LOGIN_TYPES } from '../../sign-in/dto/login.dto';
import { SigningKeys } from '../signing-keys';
import { JwksDto } from './dto/jwks.dto';
import { OpenIdConfigurationDto } from './dto/openid-configuration.dto';
import { ApiWithoutDatabase } from '../../../common/swagger/shared-answers';

/**
 * Published keys and discovery metadata, so other services verify our tokens without sharing a secret.
 * Absolute URLs are built from PUBLIC_URL only, never from the Host header (host-header injection).
 */
@ApiTags('well-known')
@ApiWithoutDatabase()
@Controller('.well-known')
@Public()
export class WellKnownController {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens (JWK Set, RFC 7517)' })
  @ApiOkResponse({ type: JwksDto })
  jwks(): JwksDto {
    // Field by field: only public members of the key can ever be published.
    return {
      keys: this.keys.all.map(({ kid, publicJwk }) => ({
        kid,
        kty: publicJwk.kty as string,
        alg: 'RS256',
        use: 'sig',
        n: publicJwk.n as string,
        e: publicJwk.e as string,
      })),
    };
  }

  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'OpenID Connect discovery metadata' })
  @ApiOkResponse({ type: OpenIdConfigurationDto })
  openIdConfiguration(): OpenIdConfigurationDto {
    const base = this.app.publicUrl;
    return {
      issuer: this.auth.issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/api/auth/login`,
      userinfo_endpoint: `${base}/api/users/me`,
      revocation_endpoint: `${base}/api/auth/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      grant_types_supported: [...LOGIN_TYPES],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
      claims_supported: ['sub', 'iss', 'aud', 'iat', 'exp', 'jti', 'email', 'upn', 'groups', 'c_hash'],
    };
  }
}
