import { GoogleTokenError, GoogleTokenErrorReason } from './google-token.error';
import { googleTokenFailure } from './google-token-failure';

describe('googleTokenFailure', () => {
  it.each<GoogleTokenErrorReason>([
    'malformed', 'unsupported_alg', 'unknown_key', 'bad_signature', 'wrong_audience', 'wrong_issuer',
    'expired', 'not_yet_valid', 'email_missing', 'email_unverified', 'claims_invalid',
  ])('makes %s a 401 with code google_token_<reason> and a message of our own', (reason) => {
    const error = googleTokenFailure(new GoogleTokenError(reason, 'jose internals'));

    expect(error.getStatus()).toBe(401);
    expect(error.code).toBe(`google_token_${reason}`);
    expect(error.message).not.toMatch(/jose internals/);
  });

  it('makes missing configuration and unreachable keys 503s, not 401s', () => {
    expect([googleTokenFailure(new GoogleTokenError('not_configured')).getStatus(), googleTokenFailure(new GoogleTokenError('not_configured')).code])
      .toEqual([503, 'google_sign_in_not_configured']);
    expect([googleTokenFailure(new GoogleTokenError('keys_unavailable')).getStatus(), googleTokenFailure(new GoogleTokenError('keys_unavailable')).code])
      .toEqual([503, 'google_keys_unavailable']);
  });
});
