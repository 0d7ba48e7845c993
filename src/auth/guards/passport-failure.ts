import { HttpException } from '@nestjs/common';
import { Errors } from '../../common/errors/api-error';

/**
 * What a failed Passport strategy becomes: our own ApiErrors pass through unchanged; anything else (passport-jwt's
 * "jwt expired", passport-local's "Missing credentials") is a 401 whose reason is the library's message.
 */
export function passportFailure(err: unknown, info: unknown): HttpException {
  if (err instanceof HttpException) return err;
  if (info instanceof HttpException) return info;
  const reason = info instanceof Error ? info.message : typeof info === 'object' && info && 'message' in info ? String(info.message) : undefined;
  return Errors.unauthenticated(reason ? `Invalid or missing access token: ${reason}` : undefined);
}
