import { ApiResponse } from '@nestjs/swagger';
import { ApiError, Errors } from '../common/errors/api-error';
import { ErrorResponseDto, errorExample } from '../common/swagger/api-errors.decorator';

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
    // Its own example: one generated from the schema would show the fields of other errors (fields, mfaToken).
    example: { ...errorExample(429, 'rate limited'), code: 'rate_limited', message: 'Too many attempts; retry in 42 s' },
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
  });
