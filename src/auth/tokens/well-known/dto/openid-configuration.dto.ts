import { ApiProperty } from '@nestjs/swagger';

/** OpenID Connect Discovery 1.0 metadata, the fields that apply to this service. */
export class OpenIdConfigurationDto {
  @ApiProperty({ example: 'gatehouse', description: 'Equals the `iss` claim of issued tokens (JWT_ISSUER)' })
  issuer!: string;

  @ApiProperty({ example: 'https://auth.example.com/.well-known/jwks.json' })
  jwks_uri!: string;

  @ApiProperty({ example: 'https://auth.example.com/api/auth/login', description: 'Gatehouse login (JSON body with `type`), not an RFC 6749 form endpoint' })
  token_endpoint!: string;

  @ApiProperty({ example: 'https://auth.example.com/api/users/me' })
  userinfo_endpoint!: string;

  @ApiProperty({ example: 'https://auth.example.com/api/auth/logout' })
  revocation_endpoint!: string;

  @ApiProperty({ example: ['RS256'] })
  id_token_signing_alg_values_supported!: string[];

  @ApiProperty({ example: ['password', 'refresh_token'], description: 'Login `type` values' })
  grant_types_supported!: string[];

  @ApiProperty({ example: ['token'] })
  response_types_supported!: string[];

  @ApiProperty({ example: ['public'] })
  subject_types_supported!: string[];

  @ApiProperty({ example: ['client_secret_post', 'none'] })
  token_endpoint_auth_methods_supported!: string[];

  @ApiProperty({ example: ['sub', 'iss', 'aud', 'iat', 'exp', 'jti', 'email', 'upn', 'groups'] })
  claims_supported!: string[];
}
