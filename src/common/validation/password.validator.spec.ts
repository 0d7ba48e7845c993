import { validate } from 'class-validator';
import { configurePasswordPolicy } from './password-policy';
import { IsPassword } from './password.validator';

class Body {
  @IsPassword()
  password!: string;
}

const reasons = async (password: unknown) =>
  (await validate(Object.assign(new Body(), { password }))).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsPassword', () => {
  afterEach(() => configurePasswordPolicy({ minLength: 8 }));

  it('reads the minimum length in force when it validates, and names it', async () => {
    await expect(reasons('1234567')).resolves.toEqual(['must be at least 8 characters']);
    await expect(reasons('12345678')).resolves.toEqual([]);
    configurePasswordPolicy({ minLength: 10 });
    await expect(reasons('12345678')).resolves.toEqual(['must be at least 10 characters']);
  });

  it('counts characters, not UTF-16 units, and refuses more than 72 bytes of UTF-8', async () => {
    await expect(reasons('😀'.repeat(7))).resolves.toEqual(['must be at least 8 characters']);
    await expect(reasons('😀'.repeat(18))).resolves.toEqual([]);
    await expect(reasons('😀'.repeat(19))).resolves.toEqual(['must be at most 72 bytes of UTF-8']);
    await expect(reasons(12345678)).resolves.toContain('password must be a string');
  });
});
