import { HttpStatus } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ApiError, Errors } from '../common/errors/api-error';
import { Budget, LockoutService } from '../lockout/lockout.service';
import { User } from '../users/user.entity';
import { RecoveryCodes } from './recovery/recovery-codes.service';
import { SecondFactor, SecondFactorRefused } from './second-factor.service';
import { TotpCheck, TotpSecrets } from './totp/totp-secrets.service';

const meta = { ip: '203.0.113.7' };
const budget = { scope: 'u1', holder: 'untrusted', lockRow: null } as Budget;

function setup(options: { totp?: TotpCheck; remaining?: number | null; refusal?: ApiError | null } = {}) {
  const totp = { check: jest.fn(async () => options.totp ?? 'accepted') };
  const recovery = { consume: jest.fn(async () => (options.remaining === undefined ? 3 : options.remaining)) };
  const lockout = {
    admit: jest.fn(async () => ({ budget, refusal: options.refusal ?? null })),
    recordSuccess: jest.fn(async () => undefined),
    recordFailure: jest.fn(async () => undefined),
  };
  const audit = { record: jest.fn() };
  const service = new SecondFactor(totp as unknown as TotpSecrets, recovery as unknown as RecoveryCodes, lockout as unknown as LockoutService, audit as unknown as AuditService);
  const user = Object.assign(new User(), { id: 'u1', using2FA: true });
  return { service, totp, recovery, lockout, audit, user };
}

/** What `promise` threw, as status, code and (for a refused code) the audit reason. */
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e: ApiError) => ({ status: e.getStatus(), code: e.code, reason: e instanceof SecondFactorRefused ? e.reason : undefined }),
  );

describe('SecondFactor.verifySecondFactor', () => {
  it('accepts a TOTP code (spaces ignored), starts the count over, and says it was TOTP', async () => {
    const { service, totp, lockout, user, audit } = setup();
    await expect(service.verifySecondFactor(user, '123 456', meta, { deviceTokens: ['dev'] })).resolves.toBe('totp');
    expect(totp.check).toHaveBeenCalledWith('u1', '123456');
    expect(lockout.admit).toHaveBeenCalledWith(user, ['dev']);
    expect(lockout.recordSuccess).toHaveBeenCalledWith(budget);
    expect(lockout.recordFailure).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('accepts a recovery code (case and dashes ignored), uses it up and audits how many are left', async () => {
    const { service, recovery, lockout, user, audit, totp } = setup({ remaining: 0 });
    await expect(service.verifySecondFactor(user, 'ABCD-EFGH-2345', meta)).resolves.toBe('recovery_code');
    expect(recovery.consume).toHaveBeenCalledWith('u1', 'abcdefgh2345');
    expect(totp.check).not.toHaveBeenCalled();
    expect(lockout.admit).toHaveBeenCalledWith(user, []);
    expect(lockout.recordSuccess).toHaveBeenCalledWith(budget);
    expect(audit.record).toHaveBeenCalledWith({ ...meta, type: 'mfa.recovery_code_used', subjectId: 'u1', details: { remaining: 0 } });
  });

  it.each<[string, string, Parameters<typeof setup>[0], string]>([
    ['a wrong TOTP code', '123456', { totp: 'wrong' }, 'wrong_code'],
    ['a TOTP code used already', '123456', { totp: 'reused' }, 'reused_code'],
    ['a TOTP code for a user without a secret', '123456', { totp: 'none' }, 'wrong_code'],
    ['an unknown or used recovery code', 'abcd-efgh-2345', { remaining: null }, 'wrong_code'],
  ])('refuses %s: 401 invalid_mfa_code, counted toward the lockout, audited with the reason', async (_what, code, options, reason) => {
    const { service, lockout, user, audit } = setup(options);
    expect(await refusalOf(service.verifySecondFactor(user, code, meta))).toEqual({ status: 401, code: 'invalid_mfa_code', reason });
    expect(lockout.recordFailure).toHaveBeenCalledWith(budget, meta);
    expect(lockout.recordSuccess).not.toHaveBeenCalled();
    const method = code.length === 6 ? 'totp' : 'recovery_code';
    expect(audit.record).toHaveBeenCalledWith({ ...meta, type: 'mfa.challenge_failed', subjectId: 'u1', details: { method, reason, context: 'sign_in' } });
  });

  it('answers a wrong code with the status and audit context of the route that asked', async () => {
    const { service, user, audit } = setup({ totp: 'wrong' });
    const refused = service.verifySecondFactor(user, '123456', meta, { status: HttpStatus.FORBIDDEN, context: 'disable' });
    expect(await refusalOf(refused)).toEqual({ status: 403, code: 'invalid_mfa_code', reason: 'wrong_code' });
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ details: { method: 'totp', reason: 'wrong_code', context: 'disable' } }));
  });

  it('answers a locked budget with its refusal, whatever the code, checking none', async () => {
    const { service, user, totp, recovery, lockout } = setup({ refusal: Errors.accountLocked() });
    expect(await refusalOf(service.verifySecondFactor(user, '123456', meta))).toEqual({ status: 423, code: 'account_locked', reason: undefined });
    expect(totp.check).not.toHaveBeenCalled();
    expect(recovery.consume).not.toHaveBeenCalled();
    expect(lockout.recordFailure).not.toHaveBeenCalled();
  });

  it('refuses a user without two-factor sign-in (409) and a code of neither shape (400 naming code), before the lockout', async () => {
    const { service, user, lockout } = setup();
    expect(await refusalOf(service.verifySecondFactor(Object.assign(new User(), { id: 'u2', using2FA: false }), '123456', meta))).toMatchObject({ status: 409, code: 'mfa_not_enabled' });
    await expect(service.verifySecondFactor(user, '12345', meta)).rejects.toMatchObject({ code: 'invalid_request', fields: [{ field: 'code', reason: 'must be a 6-digit code or a recovery code' }] });
    expect(lockout.admit).not.toHaveBeenCalled();
  });
});
