import { HttpException } from '@nestjs/common';
import { Errors } from '../errors/api-error';
import { passportFailure } from './passport-failure';

describe('passportFailure', () => {
  it('keeps our own errors', () => {
    const locked = Errors.accountLocked();
    expect(passportFailure(locked, undefined)).toBe(locked);
    expect(passportFailure(null, locked)).toBe(locked);
  });

  it('turns an authentication failure reported as info into a 401 naming the reason', () => {
    const res = passportFailure(null, new Error('jwt expired')) as HttpException;
    expect(res.getStatus()).toBe(401);
    expect(res.getResponse()).toMatchObject({ code: 'unauthenticated', message: 'Invalid or missing access token: jwt expired' });
  });

  it('passes the server own failures on unchanged (a database outage is not a bad token)', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(passportFailure(down, undefined)).toBe(down);
  });
});
