import { hashRecoveryCode, newRecoveryCode } from './recovery/recovery-code.secret';
import { validateSync } from 'class-validator';
import { IsSecondFactorCode, parseSecondFactorCode } from './second-factor-code';

describe('second-factor codes', () => {
  it('tells a TOTP code from a recovery code, ignoring spaces, dashes and case', () => {
    expect(parseSecondFactorCode('123456')).toEqual({ kind: 'totp', code: '123456' });
    expect(parseSecondFactorCode(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(parseSecondFactorCode('K7MQ-2XVA-P4TR')).toEqual({ kind: 'recovery_code', code: 'k7mq2xvap4tr' });
    expect(parseSecondFactorCode('k7mq 2xva p4tr')).toEqual({ kind: 'recovery_code', code: 'k7mq2xvap4tr' });
  });

  it.each(['', '12345', '1234567', 'abcdef', 'k7mq-2xva-p4t', 'k7mq-2xva-p4tr1', 'k7mq-2xva-p4t0'])('refuses %p', (code) => {
    expect(parseSecondFactorCode(code)).toBeNull();
  });

  it('makes recovery codes of 12 random base32 characters in three groups, which parse back', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
      expect(parseSecondFactorCode(code)).toEqual({ kind: 'recovery_code', code: code.replace(/-/g, '') });
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("hashes a recovery code per user: the same code of two users has two hashes, and the hash is not the code", () => {
    expect(hashRecoveryCode('1', 'k7mq2xvap4tr')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode('1', 'k7mq2xvap4tr')).toBe(hashRecoveryCode('1', 'k7mq2xvap4tr'));
    expect(hashRecoveryCode('1', 'k7mq2xvap4tr')).not.toBe(hashRecoveryCode('2', 'k7mq2xvap4tr'));
  });
});

describe('IsSecondFactorCode', () => {
  const message = 'must be a 6-digit code from the authenticator app or a recovery code (xxxx-xxxx-xxxx)';
  /** The class is decorated inside each test, so what the decorator sets up is credited to the tests that use it. */
  const errorsOf = (code: unknown) => {
    class Body {
      @IsSecondFactorCode()
      code!: unknown;
    }
    return validateSync(Object.assign(new Body(), { code }));
  };

  it('accepts a TOTP code or a recovery code', () => {
    expect(errorsOf('123 456')).toEqual([]);
    expect(errorsOf('K7MQ-2XVA-P4TR')).toEqual([]);
  });

  it('accepts a code of exactly 64 characters (spaces included) and refuses one of 65', () => {
    expect(errorsOf(`123456${' '.repeat(58)}`)).toEqual([]);
    expect(errorsOf(`123456${' '.repeat(59)}`)).toHaveLength(1);
  });

  it.each([
    ['not a string', 123456],
    ['that is an array holding a code', ['123456']],
    ['that is an object with a length', { length: 6 }],
    ['of neither shape', '12345'],
    ['longer than 64 characters', `123456${' '.repeat(59)}`],
  ])('refuses a code %s (a 400, never a thrown error), naming the field and what it must be', (_what, code) => {
    const [error] = errorsOf(code);
    expect(error.property).toBe('code');
    expect(error.constraints).toEqual({ isSecondFactorCode: message });
  });
});
