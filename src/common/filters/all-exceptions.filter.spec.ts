import { ArgumentsHost, Logger } from '@nestjs/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { User } from '../../users/user.entity';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** Runs the filter on `exception` and returns the status and body it sent. */
function send(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status: (s: number) => ((sent.status = s), reply),
    header: () => reply,
    send: (b: Record<string, unknown>) => ((sent.body = b), reply),
  };
  const request = { id: 'req-1', method: 'GET', url: '/api/users/42' };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers 404 not_found when a row read back after a write was deleted meanwhile (findOneByOrFail), not 500', () => {
    const { status, body } = send(new EntityNotFoundError(User, { id: '42' }));
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Not found', requestId: 'req-1' });
  });

  it('logs an unexpected database error with its message and stack but never its parameters (they can hold hashes)', () => {
    const secret = '$2b$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    send(new QueryFailedError('INSERT INTO "users" ("passwordHash") VALUES ($1)', [secret], new Error('disk full')));
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.stringify(logged.mock.calls[0]);
    expect(line).toContain('disk full');
    expect(line).toContain('req-1');
    expect(line).not.toContain(secret);
  });

  it('still answers anything unexpected with a plain 500 and no detail', () => {
    const { status, body } = send(new Error('driver said something secret'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
