import type { JWTPayload } from 'jose';
import { GoogleTokenError } from './google-token.error';

export interface GoogleProfile {
  sub: string;
  email: string;
  emailVerified: true;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
  /** Google Workspace domain, absent for consumer accounts. */
  hd: string | null;
}

/**
 * The profile of a token whose signature, issuer, audience and times have been checked: the claims Google documents
 * for a sign-in (https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload), each
 * checked for what it must be.
 */
export function toProfile(payload: JWTPayload, clientIds: string[]): GoogleProfile {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new GoogleTokenError('claims_invalid', '"sub" must be a non-empty string');
  }
  assertAuthorizedParty(payload, clientIds);
  const email = payload['email'];
  if (typeof email !== 'string' || email === '') {
    throw new GoogleTokenError('email_missing', 'token carries no email');
  }
  // An unverified address is not proof of control: linking by it would let
  // anyone claim an existing account. Google has sent the string "true".
  const verified = payload['email_verified'];
  if (verified !== true && verified !== 'true') {
    throw new GoogleTokenError('email_unverified', 'Google has not verified this email');
  }
  return {
    sub: payload.sub,
    email,
    emailVerified: true,
    name: optionalString(payload['name']),
    givenName: optionalString(payload['given_name']),
    familyName: optionalString(payload['family_name']),
    picture: optionalString(payload['picture']),
    hd: optionalString(payload['hd']),
  };
}

/**
 * A token for several audiences was issued to the party named in `azp`; it must be one of ours, or a token that
 * another application obtained (naming us among its audiences) would sign people in here (OpenID Connect Core 1.0
 * §3.1.3.7, points 4 and 5). With one audience, `azp` is left alone: Google sets it to the client that asked for
 * the token (an Android app's id, say), which need not be a client id configured here.
 */
function assertAuthorizedParty(payload: JWTPayload, clientIds: string[]): void {
  if (!Array.isArray(payload.aud) || payload.aud.length < 2) return;
  const azp = payload['azp'];
  if (typeof azp !== 'string' || !clientIds.includes(azp)) {
    throw new GoogleTokenError('wrong_authorized_party', 'a token for several audiences must name one of our client ids as "azp"');
  }
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
