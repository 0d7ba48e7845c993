import { ApiResponse } from '@nestjs/swagger';
import { ApiError, Errors } from '../common/errors/api-error';
import { ErrorResponseDto } from '../common/swagger/api-errors.decorator';

/** The 429 of every limit, for a wait counted in milliseconds (the filter sends Retry-After in whole seconds). */
export function tooManyRequests(what: string, retryAfterMs: number): ApiError {
  return Errors.rateLimited(what, retryAfterMs / 1000);
}

/** The 429 in the OpenAPI document, with its Retry-After header. */
export const ApiTooManyRequests = (description: string) =>
  ApiResponse({
    status: 429,
    description: `${description} (code rate_limited)`,
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
  });
