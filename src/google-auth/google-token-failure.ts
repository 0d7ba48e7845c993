import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../common/errors/api-error';
import { GoogleTokenError, GoogleTokenErrorReason } from './google-token.error';

export const GOOGLE_NOT_CONFIGURED_CODE = 'google_sign_in_not_configured';
export const GOOGLE_KEYS_UNAVAILABLE_CODE = 'google_keys_unavailable';

/** Our own words for each refusal: jose's messages name library internals and change between versions. */
const MESSAGES: Record<GoogleTokenErrorReason, string> = {
  not_configured: 'Google sign-in is not configured on this server (GOOGLE_CLIENT_IDS is empty)',
  keys_unavailable: "Google's signing keys cannot be fetched right now; try again shortly",
  malformed: 'The Google ID token is not a well-formed JWT',
  unsupported_alg: 'The Google ID token is not signed with RS256',
  unknown_key: 'The Google ID token is signed with a key Google does not publish',
  bad_signature: 'The Google ID token signature is invalid',
  wrong_audience: 'The Google ID token was issued to another client',
  wrong_authorized_party: 'The Google ID token has several audiences and was not issued to (azp) one of our clients',
  wrong_issuer: 'The Google ID token was not issued by Google',
  expired: 'The Google ID token has expired',
  not_yet_valid: 'The Google ID token is not valid yet',
  email_missing: 'The Google ID token carries no e-mail address',
  email_unverified: 'Google has not verified the e-mail address of this account',
  claims_invalid: 'The Google ID token lacks a required claim',
};

export const googleNotConfigured = (): ApiError =>
  new ApiError(HttpStatus.SERVICE_UNAVAILABLE, GOOGLE_NOT_CONFIGURED_CODE, MESSAGES.not_configured);

/**
 * One scheme for every refusal: a rejected token is a 401 whose `code` is `google_token_<reason>`
 * (google_token_expired, google_token_bad_signature, …); what is our side's problem is a 503
 * (google_sign_in_not_configured, google_keys_unavailable), never a 500.
 */
export function googleTokenFailure(error: GoogleTokenError): ApiError {
  if (error.reason === 'not_configured') return googleNotConfigured();
  if (error.reason === 'keys_unavailable') {
    return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, GOOGLE_KEYS_UNAVAILABLE_CODE, MESSAGES.keys_unavailable);
  }
  return new ApiError(HttpStatus.UNAUTHORIZED, `google_token_${error.reason}`, MESSAGES[error.reason]);
}
