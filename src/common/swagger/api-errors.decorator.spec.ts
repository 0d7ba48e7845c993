import { ArgumentsHost, HttpException } from '@nestjs/common';
import { Errors } from '../errors/api-error';
import { AllExceptionsFilter } from '../filters/all-exceptions.filter';
import { errorExample } from './api-errors.decorator';

/** The body the global filter sends for `error`. */
function filterBody(error: HttpException): Record<string, unknown> {
  let sent: Record<string, unknown> = {};
  const reply = { status: () => reply, header: () => reply, send: (body: Record<string, unknown>) => (sent = body) };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', method: 'GET', url: '/' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return sent;
}

describe('errorExample', () => {
  it.each([
    ['invalid credentials', 401, Errors.invalidCredentials()],
    ['locked account', 423, Errors.accountLocked()],
    ['bad input', 400, Errors.badInput([{ field: 'email', reason: 'must be a valid e-mail address' }])],
    ['conflict', 409, Errors.conflict('username_taken', 'taken')],
    ['a second factor required, with its mfaToken and methods', 401, Errors.mfaRequired('mfa-token', ['totp', 'recovery_code'])],
  ])('shows what the filter really sends for %s (apart from the request id)', (_name, status, error) => {
    const { requestId: _a, ...example } = errorExample(status, 'described', error);
    const { requestId: _b, ...sent } = filterBody(error);
    expect(example).toEqual(sent);
  });

  it('falls back to the default code of the status and the description', () => {
    expect(errorExample(403, 'Not an admin')).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'forbidden', message: 'Not an admin' });
  });

  it('gives a 400 the field list the validation pipe sends', () => {
    expect(errorExample(400, 'Invalid field')).toMatchObject({ code: 'invalid_request', fields: [{ field: 'email', reason: expect.any(String) }] });
  });
});
