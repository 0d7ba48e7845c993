import { validate } from 'class-validator';
import { ApiError } from '../common/errors/api-error';
import { IsPassword } from '../common/validation/password.validator';
import { PasswordPolicy } from './password-policy';

class Body {
  @IsPassword()
  password!: string;
}

/** What a new password goes through: the DTO's fixed rules, then the application's policy (as the services do). */
async function reasonsUnder(policy: PasswordPolicy, password: unknown): Promise<string[]> {
  const fixed = (await validate(Object.assign(new Body(), { password }))).flatMap((e) => Object.values(e.constraints ?? {}));
  if (fixed.length > 0) return fixed;
  try {
    policy.check(password as string, 'password');
    return [];
  } catch (e) {
    return (e as ApiError).fields!.map((f) => f.reason);
  }
}

describe('PasswordPolicy', () => {
  let policy = new PasswordPolicy({ minLength: 8 });
  const reasons = (password: unknown) => reasonsUnder(policy, password);
  afterEach(() => (policy = new PasswordPolicy({ minLength: 8 })));

  it('applies the configured minimum length and names it', async () => {
    await expect(reasons('1234567')).resolves.toEqual(['must be at least 8 characters']);
    await expect(reasons('12345678')).resolves.toEqual([]);
    policy = new PasswordPolicy({ minLength: 10 });
    await expect(reasons('12345678')).resolves.toEqual(['must be at least 10 characters']);
  });

  it('counts characters, not UTF-16 units, and refuses more than 72 bytes of UTF-8', async () => {
    await expect(reasons('😀'.repeat(7))).resolves.toEqual(['must be at least 8 characters']);
    await expect(reasons('😀'.repeat(18))).resolves.toEqual([]);
    await expect(reasons('😀'.repeat(19))).resolves.toEqual(['must be at most 72 bytes of UTF-8']);
    await expect(reasons(12345678)).resolves.toContain('password must be a string');
  });

  it('answers the 400 of a bad field, naming the field it is given', () => {
    const error = (() => {
      try {
        new PasswordPolicy({ minLength: 12 }).check('elevenchars', 'newPassword');
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.getStatus()).toBe(400);
    expect(error?.code).toBe('invalid_request');
    expect(error?.fields).toEqual([{ field: 'newPassword', reason: 'must be at least 12 characters' }]);
  });
});
