import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequests } from './too-many-requests';

export const LOGIN_THROTTLE = 'gatehouse:loginThrottle';

/**
 * Rate-limits a sign-in route per client address (LOGIN_RATE_LIMIT_IP): over the limit → 429 with Retry-After. The
 * check runs in a global guard, so it happens before the body is read or any password compared, whatever the order
 * of decorators on the route. (The per-account limit answers the same 429 from the password check: LockoutService.)
 */
export const LoginThrottle = () =>
  applyDecorators(
    SetMetadata(LOGIN_THROTTLE, true),
    ApiTooManyRequests('Too many sign-in attempts from this address, or that did not sign in to this account'),
  );
