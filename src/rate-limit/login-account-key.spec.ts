import { loginAccountKey } from './login-account-key';

describe('loginAccountKey', () => {
  it('reads the password login body and the Orion form, trimmed and lower-cased', () => {
    expect(loginAccountKey({ type: 'password', withPassword: { emailOrUsername: '  Jaime@Example.TEST ', password: 'x' } })).toBe('jaime@example.test');
    expect(loginAccountKey({ email: 'ORION@services.dev', password: 'x' })).toBe('orion@services.dev');
  });

  it('is null when the body names no account', () => {
    for (const body of [undefined, null, 'text', [], {}, { idToken: 'abc' }, { withPassword: { emailOrUsername: 42 } }, { email: '   ' }]) {
      expect(loginAccountKey(body)).toBeNull();
    }
  });

  it('caps the key length', () => {
    expect(loginAccountKey({ email: 'a'.repeat(10_000) })).toHaveLength(254);
  });
});
