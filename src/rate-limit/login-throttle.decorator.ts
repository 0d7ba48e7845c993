import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto, errorExample } from '../common/swagger/api-errors.decorator';

export const LOGIN_THROTTLE = 'gatehouse:loginThrottle';

/**
 * Rate-limits a sign-in route per client address and per account (LOGIN_RATE_LIMIT_*): over the limit → 429 with
 * Retry-After. The check runs in a global guard, so it happens before any route guard (LoginGuard) or password
 * comparison, whatever the order of decorators on the route.
 */
export const LoginThrottle = () =>
  applyDecorators(
    SetMetadata(LOGIN_THROTTLE, true),
    ApiResponse({
      status: 429,
      description: 'Too many sign-in attempts from this address or for this account (code rate_limited)',
      type: ErrorResponseDto,
      // Its own example: one generated from the schema would show the fields of other errors (fields, mfaToken).
      example: { ...errorExample(429, 'rate limited'), code: 'rate_limited', message: 'Too many sign-in attempts; retry in 42 s' },
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
    }),
  );
