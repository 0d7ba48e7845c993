import { HttpException } from '@nestjs/common';
import { Errors } from '../errors/api-error';

/**
 * What a failed Passport strategy becomes: our own ApiErrors pass through unchanged; an authentication failure
 * (passport-jwt's "jwt expired", passport-local's "Missing credentials", reported as `info`) is a 401 whose reason
 * is the library's message. Any other `err` is the server's own failure (the database is down, a bug): it is
 * returned as it is, for the global filter to answer 503 or 500; calling it a bad token would send clients off to
 * sign in again for nothing.
 */
export function passportFailure(err: unknown, info: unknown): unknown {
  if (err instanceof HttpException) return err;
  if (err) return err;
  if (info instanceof HttpException) return info;
  const reason = info instanceof Error ? info.message : typeof info === 'object' && info && 'message' in info ? String(info.message) : undefined;
  return Errors.unauthenticated(reason ? `Invalid or missing access token: ${reason}` : undefined);
}
