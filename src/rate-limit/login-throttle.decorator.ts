import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequests } from './too-many-requests';

export const LOGIN_THROTTLE = 'gatehouse:loginThrottle';

/**
 * Rate-limits a sign-in route per client address and per account (LOGIN_RATE_LIMIT_*): over the limit → 429 with
 * Retry-After. The check runs in a global guard, so it happens before any route guard (LoginGuard) or password
 * comparison, whatever the order of decorators on the route.
 */
export const LoginThrottle = () =>
  applyDecorators(
    SetMetadata(LOGIN_THROTTLE, true),
    ApiTooManyRequests('Too many sign-in attempts from this address or for this account'),
  );
