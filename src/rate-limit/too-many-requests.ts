import { ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ApiError, Errors } from '../common/errors/api-error';
import { ErrorResponseDto } from '../common/swagger/api-errors.decorator';

/** The 429 of every limit: `Retry-After` (whole seconds, at least 1) on the reply, and the error to throw. */
export function tooManyRequests(reply: FastifyReply, what: string, retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  reply.header('Retry-After', String(seconds));
  return Errors.rateLimited(what, seconds);
}

/** The 429 in the OpenAPI document, with its Retry-After header. */
export const ApiTooManyRequests = (description: string) =>
  ApiResponse({
    status: 429,
    description: `${description} (code rate_limited)`,
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
  });
