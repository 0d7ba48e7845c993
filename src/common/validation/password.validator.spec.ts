import { validate } from 'class-validator';
import { IsPassword } from './password.validator';

class Body {
  @IsPassword()
  password!: string;
}

const reasons = async (password: unknown) =>
  (await validate(Object.assign(new Body(), { password }))).flatMap((e) => Object.values(e.constraints ?? {}));

/** The minimum length is per application: see src/passwords/password-policy.spec.ts. */
describe('IsPassword', () => {
  it('refuses more than 72 bytes of UTF-8, counted in bytes however few the characters', async () => {
    await expect(reasons('😀'.repeat(18))).resolves.toEqual([]);
    await expect(reasons('😀'.repeat(19))).resolves.toEqual(['must be at most 72 bytes of UTF-8']);
    await expect(reasons(12345678)).resolves.toContain('password must be a string');
  });

  it('leaves the minimum length to the configured policy (a decorator cannot see one app’s settings)', async () => {
    await expect(reasons('1')).resolves.toEqual([]);
  });
});
