import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  reason: string;
}

/** What a few errors carry besides the common body, for the client to act on (the mfaToken of `mfa_required`). */
export type ErrorExtras = Record<string, string | number | boolean | readonly string[]>;

/**
 * Every error a client sees: a status, a stable machine-readable `code`, a human message and, for bad input,
 * the fields at fault. The global filter adds the request id, and `extras` beside the common fields.
 */
export class ApiError extends HttpException {
  /** Seconds the client should wait before trying again: the filter sends them as `Retry-After` (429). */
  retryAfterSeconds?: number;

  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly extras?: ErrorExtras,
  ) {
    super({ code, message, fields }, status);
  }
}

/** One place for the messages that must be identical wherever they are raised. */
export const Errors = {
  /** Same body for unknown user and wrong password, so the answer does not tell which e-mails exist. */
  invalidCredentials: () =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'Invalid email/username or password'),
  accountLocked: () =>
    new ApiError(HttpStatus.LOCKED, 'account_locked', 'This account is locked; contact an administrator'),
  accountDisabled: () => new ApiError(HttpStatus.UNAUTHORIZED, 'account_disabled', 'This account is disabled'),
  invalidClient: () =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_client', 'Unknown client or wrong client credentials'),
  unauthenticated: (reason = 'A valid Bearer access token is required') =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', reason),
  forbidden: (message: string) => new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message),
  badInput: (fields: FieldError[]) =>
    new ApiError(
      HttpStatus.BAD_REQUEST,
      'invalid_request',
      `Invalid request: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
      fields,
    ),
  conflict: (code: string, message: string) => new ApiError(HttpStatus.CONFLICT, code, message),
  notFound: (message: string) => new ApiError(HttpStatus.NOT_FOUND, 'not_found', message),
  unavailable: (code: string, message: string) => new ApiError(HttpStatus.SERVICE_UNAVAILABLE, code, message),
  /**
   * Google sign-in found an account by e-mail that it may not link by itself (its address is not verified, or its
   * owner unlinked Google): linking it is for its owner to do.
   */
  googleAccountNotLinked: () =>
    new ApiError(
      HttpStatus.CONFLICT,
      'google_account_not_linked',
      'An account with this e-mail exists but is not linked to this Google account: sign in to it another way and link Google from the account (POST /api/users/me/identities/google)',
    ),
  /** The user is linked to another Google account (`sub`) than the one presented. */
  googleAccountMismatch: () =>
    new ApiError(HttpStatus.CONFLICT, 'google_account_mismatch', 'This account is linked to another Google account; unlink that one first'),
  googleAccountLinkedElsewhere: () =>
    new ApiError(HttpStatus.CONFLICT, 'google_account_linked_elsewhere', 'This Google account is linked to another user'),
  /** `x-user-ctx` without a valid signature while SYSTEM_CONTEXT_SECRET is set; `problem` says what is wrong. */
  systemContextSignature: (problem: string) =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_system_context_signature', `x-user-ctx-signature ${problem}`),
  lastSignInMethod: () =>
    new ApiError(HttpStatus.CONFLICT, 'last_sign_in_method', 'This is the only way to sign in to this account (it has no password); it cannot be unlinked'),
  /**
   * Every rate limit (per address, per account or device, per e-mail): 429 with `Retry-After` (the filter sends
   * `retryAfterSeconds`, at least 1). `what` is "Too many sign-in attempts" or the like.
   */
  rateLimited: (what: string, retryAfterSeconds: number) => {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return Object.assign(new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `${what}; retry in ${seconds} s`), { retryAfterSeconds: seconds });
  },
  /** One answer for a reset token that never existed, was used, was replaced by a newer one or has expired. */
  invalidResetToken: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'invalid_reset_token', 'This password-reset link is invalid, used or expired; ask for a new one'),
  /** Likewise for a verification token, and for one sent to an address the account no longer has. */
  invalidVerificationToken: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'invalid_verification_token', 'This verification link is invalid, used or expired; ask for a new one'),
  /** Right password (or Google account), but a signed-up account whose address was never proven. */
  emailNotVerified: () =>
    new ApiError(HttpStatus.FORBIDDEN, 'email_not_verified', 'Verify your e-mail address first: follow the link we sent you'),
  signUpDisabled: () => new ApiError(HttpStatus.NOT_FOUND, 'signup_disabled', 'Sign-up is not open on this service'),
  /** The first factor was right; the session waits for the second (POST /api/auth/login `type: "mfa"`). */
  mfaRequired: (mfaToken: string, methods: readonly string[]) =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'mfa_required', 'Two-factor authentication required: send a code with type "mfa" and this mfaToken', undefined, { mfaToken, methods }),
  /** Unknown, expired, used, dead after too many wrong codes, or of another client: one answer for all. */
  invalidMfaToken: () =>
    new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_mfa_token', 'The mfaToken is invalid, expired or used up; sign in again'),
  /** 401 at sign-in; 403 on one's own account, where the caller is signed in (a 401 would read as an expired session). */
  invalidMfaCode: (status: HttpStatus.UNAUTHORIZED | HttpStatus.FORBIDDEN = HttpStatus.UNAUTHORIZED) =>
    new ApiError(status, 'invalid_mfa_code', 'The two-factor code is not correct'),
  invalidCurrentPassword: () => new ApiError(HttpStatus.FORBIDDEN, 'invalid_current_password', 'The current password is not correct'),
};
