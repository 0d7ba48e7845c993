import { LockoutService } from '../../lockout/lockout.service';
import { BcryptjsHasher } from '../../passwords/bcryptjs.hasher';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { argon2Hash, DJANGO, pbkdf2Hash, scryptHash } from '../../../test/support/imported-hashes';
import { waitFor } from '../../../test/support/poll';
import { PasswordCheck } from './password-check.service';

/** bcrypt at cost 4 that counts its comparisons (the dummy's included). */
class CountingHasher extends BcryptjsHasher {
  verifies = 0;
  override verify(password: string, hash: string): Promise<boolean> {
    this.verifies++;
    return super.verify(password, hash);
  }
}

const meta = { ip: '203.0.113.7', userAgent: 'ua', clientId: null };
const PASSWORD = 'Right-passw0rd';

/**
 * The work each kind of sign-in costs, counted rather than timed (bench/login-timing.ts times it): every failure and
 * every success costs at least one bcrypt comparison at BCRYPT_COST, whatever the stored hash.
 */
describe('PasswordCheck: comparisons per sign-in', () => {
  const hasher = new CountingHasher(5);
  const verifier = new PasswordVerifier(hasher, { threads: 2 });
  const imported = jest.spyOn(verifier, 'verify');
  let stored: User | null;
  const users = { findByLogin: async () => stored, replacePasswordHash: jest.fn(async () => undefined) } as unknown as jest.Mocked<UsersService>;
  const lockout = {
    releaseIfExpired: async (u: User) => u,
    recordUnknownFailure: async () => false,
    recordFailure: async () => false,
    recordSuccess: async () => undefined,
  } as unknown as LockoutService;
  const check = new PasswordCheck(users, hasher, verifier, lockout);
  const userWith = (passwordHash: string | null) => ({ id: '1', passwordHash, isLocked: false }) as User;
  const attempt = (password: string) => check.check('ada@example.test', password, meta).then(() => 'ok', () => 'refused');

  beforeAll(() => check.onModuleInit());
  beforeEach(() => {
    hasher.verifies = 0;
    imported.mockClear();
    users.replacePasswordHash.mockClear();
  });

  it('an unknown user: one bcrypt comparison, against the dummy', async () => {
    stored = null;
    await expect(attempt(PASSWORD)).resolves.toBe('refused');
    expect(hasher.verifies).toBe(1);
  });

  it('bcrypt at BCRYPT_COST: one comparison, right or wrong password', async () => {
    stored = userWith(await hasher.hash(PASSWORD));
    hasher.verifies = 0;
    await expect(attempt('wrong')).resolves.toBe('refused');
    await expect(attempt(PASSWORD)).resolves.toBe('ok');
    expect(hasher.verifies).toBe(2);
  });

  it('bcrypt at a lower cost: its own comparison plus the dummy', async () => {
    stored = userWith(await new BcryptjsHasher(4).hash(PASSWORD));
    await expect(attempt('wrong')).resolves.toBe('refused');
    expect(hasher.verifies).toBe(2);
  });

  it.each([
    ['argon2id', () => argon2Hash(PASSWORD)],
    ['scrypt', async () => scryptHash(PASSWORD)],
    ['PBKDF2', async () => pbkdf2Hash(PASSWORD)],
    ['Django PBKDF2', async () => DJANGO.sha256],
  ])('an imported %s hash: its own check plus one dummy bcrypt comparison, wrong password or right', async (_label, make) => {
    const hash = await make();
    const password = hash === DJANGO.sha256 ? DJANGO.password : PASSWORD;
    stored = userWith(hash);
    await expect(attempt('wrong')).resolves.toBe('refused');
    expect(hasher.verifies).toBe(1);
    expect(imported).toHaveBeenCalledWith('wrong', hash);
    await expect(attempt(password)).resolves.toBe('ok');
    expect(hasher.verifies).toBe(2);
  });

  it('a successful sign-in with an imported hash replaces it with bcrypt at BCRYPT_COST, only over that hash', async () => {
    const hash = await argon2Hash(PASSWORD);
    stored = userWith(hash);
    await expect(attempt(PASSWORD)).resolves.toBe('ok');
    // The upgrade is written after the answer.
    await waitFor('the rehash', () => users.replacePasswordHash.mock.calls.length > 0);
    const [id, oldHash, newHash] = users.replacePasswordHash.mock.calls[0];
    expect([id, oldHash]).toEqual(['1', hash]);
    expect(newHash).toMatch(/^\$2[ab]\$05\$/);
    await expect(hasher.verify(PASSWORD, newHash)).resolves.toBe(true);
  });
});
