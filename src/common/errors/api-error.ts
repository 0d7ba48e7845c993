import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  reason: string;
}

/**
 * Every error a client sees: a status, a stable machine-readable `code`, a human message and, for bad input,
 * the fields at fault. The global filter adds the request id.
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
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
};
