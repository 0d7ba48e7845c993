import { HttpStatus } from '@nestjs/common';
import { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../../../common/errors/api-error';

export const REQUESTED_WITH_HEADER = 'x-requested-with';
export const NO_REQUESTED_WITH = 'A request that uses the gatehouse_refresh cookie must carry an X-Requested-With header';

/** 403 csrf_check_failed (also the OpenAPI example of the routes that read the cookie). */
export const csrfCheckFailed = (message: string) => new ApiError(HttpStatus.FORBIDDEN, 'csrf_check_failed', message);

/**
 * A cookie rides along on its own, so a request that is authorised by the refresh cookie (a refresh or a logout
 * without a token in the body) must show it was made by a script of an allowed page (CSRF):
 * - an `X-Requested-With` header: a page of another origin cannot add a custom header without a CORS preflight, which
 *   only CORS_ORIGINS pass, and a plain form cannot add one at all;
 * - when the browser sends an `Origin`, one listed in CORS_ORIGINS. SameSite=Strict already keeps the cookie off
 *   requests other sites start; this also refuses a page of the same site (another port or subdomain) not listed.
 * Returns the refusal (403 csrf_check_failed), or null when the request may use the cookie.
 */
export function cookieRequestRefusal(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): ApiError | null {
  const requestedWith = headers[REQUESTED_WITH_HEADER];
  if (typeof requestedWith !== 'string' || requestedWith.trim() === '') return csrfCheckFailed(NO_REQUESTED_WITH);
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    return csrfCheckFailed('A request that uses the gatehouse_refresh cookie must come from an origin listed in CORS_ORIGINS');
  }
  return null;
}
