/**
 * Why a Google ID token was refused. Stable codes: they end up in logs and in
 * the `code` of the 401/503 response body, so do not rename them casually.
 */
export type GoogleTokenErrorReason =
  | 'not_configured'
  | 'malformed'
  | 'unsupported_alg'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_audience'
  | 'wrong_authorized_party'
  | 'wrong_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'email_missing'
  | 'email_unverified'
  | 'claims_invalid'
  | 'keys_unavailable';

export class GoogleTokenError extends Error {
  override readonly name = 'GoogleTokenError';

  constructor(
    readonly reason: GoogleTokenErrorReason,
    message: string = reason,
    options?: { cause?: unknown },
  ) {
    super(message);
    // Set by hand rather than via super(message, { cause }) so this compiles
    // whatever `lib` the project's tsconfig ends up with (ErrorOptions is ES2022).
    if (options && 'cause' in options) {
      Object.defineProperty(this, 'cause', {
        value: options.cause,
        writable: true,
        configurable: true,
      });
    }
  }

  /**
   * 503 only when we could not get Google's keys: the token may be perfectly
   * good and the client should retry later. Everything else is the client's
   * token being unacceptable, so 401.
   */
  get status(): 401 | 503 {
    return this.reason === 'keys_unavailable' ? 503 : 401;
  }
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof GoogleTokenError && error.status === 503;
}
