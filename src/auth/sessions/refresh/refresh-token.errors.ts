import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../../common/errors/api-error';

export const RefreshTokenErrors = {
  /** Unknown, expired, revoked, of another client, or its user can no longer sign in: one answer for all. */
  invalid: () => new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_refresh_token', 'The refresh token is invalid, expired or revoked'),
  /** An already-rotated token came back: someone else may hold a copy, so the whole family is now revoked. */
  reused: () =>
    new ApiError(
      HttpStatus.UNAUTHORIZED,
      'refresh_token_reused',
      'This refresh token was already used; every token of its session has been revoked. Sign in again.',
    ),
};
