import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/** Injection token of this application's root pino logger (see LoggingModule). */
export const PINO_LOGGER = 'PINO_LOGGER';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger interface over this application's pino logger, writing the lines nestjs-pino wrote (`context` from
 * the last argument, an Error under `err`). Built per application rather than taken from nestjs-pino, which keeps
 * its logger in module-level state: the first app started in a process got every later app's lines.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(PINO_LOGGER) private readonly pino: Pino) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context last; Nest's own exception handlers pass (message, stack, context). */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const params = rest.length > 0 ? rest.slice(0, -1) : [];
    if (rest.length > 0) fields.context = rest[rest.length - 1];
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    else if (level === 'error' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0])) {
      const err = new Error(String(message));
      err.stack = params[0];
      return this.pino.error({ ...fields, err });
    }
    if (typeof message === 'object' && message !== null) this.pino[level](fields, ...(params as []));
    else this.pino[level](fields, String(message), ...(params as []));
  }
}
