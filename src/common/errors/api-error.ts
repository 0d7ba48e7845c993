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
