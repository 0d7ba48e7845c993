import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { ApiError } from '../errors/api-error';
import { isDatabaseUnavailable } from '../errors/database-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  fields?: { field: string; reason: string }[];
  requestId: string;
}

/** The code of an error that names none (exported for the examples in the OpenAPI document). */
export const CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  423: 'account_locked',
  429: 'rate_limited',
  503: 'service_unavailable',
};

export function statusText(status: number): string {
  return (HttpStatus[status] ?? 'ERROR')
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The one place where errors become responses. Client errors keep their status and message; anything unexpected
 * becomes a plain 500 that is logged with the request id: no stack trace or driver message reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception, request.id);
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      // The path without its query string: a query may carry a token.
      const line = `${request.method} ${request.url.split('?')[0]} → ${body.statusCode} ${body.code} [${request.id}]: ${err.message}`;
      // A 5xx we raised on purpose (Google sign-in off, key server down) is an operating condition, not a bug:
      // a warning without a stack. Everything else is unexpected and logged with its stack.
      // reqId as a field, as on the request's own line, so both are found by the id the client was given.
      if (exception instanceof HttpException) this.logger.warn({ reqId: request.id, msg: line });
      // The stack only, never the error object: a QueryFailedError carries the statement's parameters (a password
      // hash, a token hash), which pino's error serializer would write out.
      else this.logger.error({ reqId: request.id, msg: line, stack: err.stack });
    }
    if (exception instanceof ApiError && exception.retryAfterSeconds !== undefined) reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const r = (typeof res === 'object' && res !== null ? res : { message: res }) as Record<string, unknown>;
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      const body: ErrorBody = {
        statusCode: status,
        error: statusText(status),
        code: typeof r.code === 'string' ? r.code : (CODES[status] ?? 'error'),
        message,
        requestId,
      };
      if (Array.isArray(r.fields)) body.fields = r.fields as ErrorBody['fields'];
      // Extras first, so they can never overwrite the common fields.
      return exception instanceof ApiError && exception.extras ? { ...exception.extras, ...body } : body;
    }
    if (isDatabaseUnavailable(exception)) {
      return this.plain(503, 'database_unavailable', 'The database is unreachable; try again shortly', requestId);
    }
    // A row read back after a write was deleted in between by a concurrent request: gone, not a server fault.
    if (exception instanceof EntityNotFoundError) return this.plain(404, 'not_found', 'Not found', requestId);
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500 && !(exception instanceof QueryFailedError)) {
      // Errors raised by Fastify itself before a handler runs: bad JSON, wrong content type, body too large.
      return this.plain(fastifyStatus, CODES[fastifyStatus] ?? 'invalid_request', (exception as Error).message, requestId);
    }
    return this.plain(500, 'internal_error', 'Internal server error', requestId);
  }

  private plain(statusCode: number, code: string, message: string, requestId: string): ErrorBody {
    return { statusCode, error: statusText(statusCode), code, message, requestId };
  }
}
