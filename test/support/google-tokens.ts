import { randomBytes } from 'node:crypto';
import { type JWTHeaderParameters } from 'jose';
import type { SigningKey } from './jwks-server';
import { nowSeconds, signHs256, signRs256, unsigned, withoutUndefined } from './tokens';

export { nowSeconds };

export const TEST_GOOGLE_CLIENT_ID = 'gatehouse-test.apps.googleusercontent.com';

/** Claims of a Google ID token. A key set to undefined is left out of the token. */
export type GoogleClaims = Record<string, unknown>;
export type TokenHeader = Partial<JWTHeaderParameters> & Record<string, unknown>;

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

/** An RS256 token shaped like Google's, signed with `key` (and naming its kid unless the header says otherwise). */
export function signGoogleIdToken(key: SigningKey, overrides: GoogleClaims = {}, header: TokenHeader = {}): Promise<string> {
  return signRs256(key.privateKey, googleClaims(overrides), { kid: key.kid, ...header });
}

/** `alg: none`, no signature: must never be accepted, whatever kid it names. */
export function unsignedIdToken(overrides: GoogleClaims = {}, header: TokenHeader = {}): string {
  return unsigned(googleClaims(overrides), header);
}

/**
 * HS256 with a shared secret: the algorithm-confusion attack signs with the
 * verifier's public key as the HMAC secret; any secret shows the alg is refused.
 */
export function hs256IdToken(overrides: GoogleClaims = {}, header: TokenHeader = {}, secret: Uint8Array = randomBytes(32)): Promise<string> {
  return signHs256(secret, googleClaims(overrides), header);
}
