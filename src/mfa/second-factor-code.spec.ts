import { hashRecoveryCode, newRecoveryCode } from './recovery/recovery-code.secret';
import { parseSecondFactorCode } from './second-factor-code';

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
