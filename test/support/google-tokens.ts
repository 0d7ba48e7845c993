import { randomBytes } from 'node:crypto';
import { base64url, SignJWT, type JWTHeaderParameters } from 'jose';
import type { SigningKey } from './jwks-server';

export const TEST_GOOGLE_CLIENT_ID = 'gatehouse-test.apps.googleusercontent.com';

/** Claims of a Google ID token. A key set to undefined is left out of the token. */
export type GoogleClaims = Record<string, unknown>;
export type TokenHeader = Partial<JWTHeaderParameters> & Record<string, unknown>;

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The claims Google puts in a sign-in ID token, with overrides applied. */
export function googleClaims(overrides: GoogleClaims = {}): GoogleClaims {
  const iat = nowSeconds();
  const claims: GoogleClaims = {
    iss: 'https://accounts.google.com',
    azp: TEST_GOOGLE_CLIENT_ID,
    aud: TEST_GOOGLE_CLIENT_ID,
    sub: '110169484474386276334',
    email: 'ada@example.com',
    email_verified: true,
    name: 'Ada Lovelace',
    picture: 'https://lh3.googleusercontent.com/a/ada',
    given_name: 'Ada',
    family_name: 'Lovelace',
    iat,
    exp: iat + 3600,
    ...overrides,
  };
  return withoutUndefined(claims);
}

/** An RS256 token shaped like Google's, signed with `key`. */
export function signGoogleIdToken(
  key: SigningKey,
  overrides: GoogleClaims = {},
  header: TokenHeader = {},
): Promise<string> {
  const protectedHeader = withoutUndefined({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header });
  return new SignJWT(googleClaims(overrides))
    .setProtectedHeader(protectedHeader as JWTHeaderParameters)
    .sign(key.privateKey);
}

/** `alg: none`, no signature: must never be accepted, whatever kid it names. */
export function unsignedIdToken(overrides: GoogleClaims = {}, header: TokenHeader = {}): string {
  const protectedHeader = withoutUndefined({ alg: 'none', typ: 'JWT', ...header });
  return `${encodeJson(protectedHeader)}.${encodeJson(googleClaims(overrides))}.`;
}

/**
 * HS256 with a shared secret: the algorithm-confusion attack signs with the
 * verifier's public key as the HMAC secret; any secret shows the alg is refused.
 */
export function hs256IdToken(
  overrides: GoogleClaims = {},
  header: TokenHeader = {},
  secret: Uint8Array = randomBytes(32),
): Promise<string> {
  const protectedHeader = withoutUndefined({ alg: 'HS256', typ: 'JWT', ...header });
  return new SignJWT(googleClaims(overrides))
    .setProtectedHeader(protectedHeader as JWTHeaderParameters)
    .sign(secret);
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
