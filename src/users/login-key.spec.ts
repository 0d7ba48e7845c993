import { loginKey } from './login-key';

describe('loginKey', () => {
  it('trims and lower-cases, so every spelling of one identifier is one key', () => {
    expect(loginKey('  Jaime@Example.TEST ')).toBe('jaime@example.test');
    expect(loginKey('ORION.Services')).toBe('orion.services');
  });
});
