import { Logger } from '@nestjs/common';
import { ApiError, Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { BcryptjsHasher } from '../../passwords/bcryptjs.hasher';
import { hashProfile, HashProfile } from '../../passwords/formats/hash-profile';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { PasswordProfiles } from '../../users/password-profiles/password-profiles.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { argon2Hash, DJANGO, pbkdf2Hash, scryptHash } from '../../../test/support/imported-hashes';
import { waitFor } from '../../../test/support/poll';
import { SignInRefused } from '../sign-in/sign-in-attempt';
import { PasswordCheck } from './password-check.service';

const meta = { ip: '203.0.113.7', userAgent: 'ua', clientId: null };
const PASSWORD = 'Right-passw0rd';

/**
 * The work each kind of sign-in costs, counted rather than timed (bench/login-timing.ts times it): every hash
 * checked, named by its profile (the text before the salt). A failure must cost the same work whoever the user is.
 */
describe('PasswordCheck: the work of a sign-in', () => {
  const work: string[] = [];
  const prefixOf = (hash: string) => hashProfile(hash)?.prefix ?? 'malformed';
  /** bcrypt at cost 5 (BCRYPT_COST here), each comparison recorded. */
  const hasher = new (class extends BcryptjsHasher {
    override verify(password: string, hash: string): Promise<boolean> {
      work.push(prefixOf(hash));
      return super.verify(password, hash);
    }
  })(5);
  const verifier = new PasswordVerifier(hasher, { threads: 2 });
  const original = verifier.verify.bind(verifier);
  // Imported hashes are checked by the verifier itself (bcrypt ones go on to the hasher, which records them).
  jest.spyOn(verifier, 'verify').mockImplementation(async (password, hash) => {
    if (!hash.startsWith('$2')) work.push(prefixOf(hash));
    return original(password, hash);
  });
  let active: HashProfile[] = [];
  const profiles = { active: async () => active } as unknown as PasswordProfiles;
  let stored: User | null;
  const users = { findByLogin: async () => stored, replacePasswordHash: jest.fn(async () => undefined) } as unknown as jest.Mocked<UsersService>;
  // A locked account's budget is refused (423) after the comparison, as LockoutService.admit says for a locked one.
  const lockout = {
    releaseIfExpired: async (u: User) => u,
    admit: async (account: User | string) => ({ budget: {}, refusal: typeof account !== 'string' && account.isLocked ? Errors.accountLocked() : null }),
    recordFailure: async () => undefined,
    recordSuccess: async () => undefined,
  } as unknown as LockoutService;
  const check = new PasswordCheck(users, hasher, verifier, lockout, profiles);
  const userWith = (passwordHash: string | null, isLocked = false) => ({ id: '1', passwordHash, isLocked }) as User;
  /** The profiles checked by one sign-in attempt, sorted. */
  const workOf = async (user: User | null, password: string) => {
    stored = user;
    work.length = 0;
    await check.check('ada@example.test', password, meta).catch(() => undefined);
    return [...work].sort();
  };

  let argon: string;
  let pbkdf2: string;
  beforeAll(async () => {
    await check.onModuleInit();
    argon = await argon2Hash(PASSWORD);
    pbkdf2 = pbkdf2Hash(PASSWORD);
  });
  beforeEach(() => {
    users.replacePasswordHash.mockClear();
    active = [hashProfile(argon)!, hashProfile(pbkdf2)!];
  });

  it('costs every failure the same work, unknown user or not, whatever the hash: bcrypt at BCRYPT_COST and each kind of imported hash in use', async () => {
    const expected = ['$2b$05$', prefixOf(argon), prefixOf(pbkdf2)].sort();
    await expect(workOf(null, 'wrong')).resolves.toEqual(expected);
    await expect(workOf(userWith(null), 'wrong')).resolves.toEqual(expected);
    await expect(workOf(userWith(await hasher.hash(PASSWORD)), 'wrong')).resolves.toEqual(expected);
    await expect(workOf(userWith(await argon2Hash(PASSWORD)), 'wrong')).resolves.toEqual(expected);
    await expect(workOf(userWith(pbkdf2Hash(PASSWORD)), 'wrong')).resolves.toEqual(expected);
    await expect(workOf(userWith(await argon2Hash(PASSWORD), true), PASSWORD)).resolves.toEqual(expected);
  });

  it('costs a password that cannot be one (over 72 bytes) the same work as any failure', async () => {
    const expected = ['$2b$05$', prefixOf(argon), prefixOf(pbkdf2)].sort();
    await expect(workOf(userWith(await hasher.hash(PASSWORD)), 'a'.repeat(73))).resolves.toEqual(expected);
    await expect(workOf(null, 'a'.repeat(73))).resolves.toEqual(expected);
  });

  it('with no imported hash in use, costs one bcrypt comparison per failure, as before imports existed', async () => {
    active = [];
    await expect(workOf(null, 'wrong')).resolves.toEqual(['$2b$05$']);
    await expect(workOf(userWith(await hasher.hash(PASSWORD)), 'wrong')).resolves.toEqual(['$2b$05$']);
  });

  it('pads a hash of a kind not recorded (a cheaper bcrypt written by hand) with the dummy too: never faster than an unknown user', async () => {
    const cheaper = await new BcryptjsHasher(4).hash(PASSWORD);
    await expect(workOf(userWith(cheaper), 'wrong')).resolves.toEqual(['$2b$04$', '$2b$05$', prefixOf(argon), prefixOf(pbkdf2)].sort());
    await expect(workOf(userWith(scryptHash(PASSWORD)), 'wrong')).resolves.toHaveLength(4);
  });

  it('a success checks the user\'s own hash and the bcrypt dummy only', async () => {
    await expect(workOf(userWith(await argon2Hash(PASSWORD)), PASSWORD)).resolves.toEqual(['$2b$05$', prefixOf(argon)].sort());
    await expect(workOf(userWith(DJANGO.sha256), DJANGO.password)).resolves.toEqual(['$2b$05$', prefixOf(DJANGO.sha256)].sort());
  });

  it('replaces an imported hash after a successful sign-in with bcrypt at BCRYPT_COST, only over that hash', async () => {
    const hash = await argon2Hash(PASSWORD);
    stored = userWith(hash);
    await expect(check.check('ada@example.test', PASSWORD, meta)).resolves.toBe(stored);
    // The upgrade is written after the answer.
    await waitFor('the rehash', () => users.replacePasswordHash.mock.calls.length > 0);
    const [id, oldHash, newHash] = users.replacePasswordHash.mock.calls[0];
    expect([id, oldHash]).toEqual(['1', hash]);
    expect(newHash).toMatch(/^\$2[ab]\$05\$/);
    await expect(hasher.verify(PASSWORD, newHash)).resolves.toBe(true);
  });
});

/** What each refusal is called in the audit trail, and what it spends: the lockout sees wrong passwords only. */
describe('PasswordCheck: refusals and their audit reasons', () => {
  const hasher = new BcryptjsHasher(4);
  const verifier = new PasswordVerifier(hasher, { threads: 1 });
  const profiles = { active: async () => [] } as unknown as PasswordProfiles;
  let hash: string;
  beforeAll(async () => {
    hash = await hasher.hash(PASSWORD);
  });

  function setup(user: Partial<User> | null, refusal: ApiError | null = null) {
    const found = user && ({ id: '7', passwordHash: hash, using2FA: false, ...user } as User);
    const users = { findByLogin: jest.fn(async () => found), replacePasswordHash: jest.fn(async () => undefined) };
    const budget = { scope: 'scope', holder: 'untrusted', lockRow: null };
    const lockout = {
      releaseIfExpired: jest.fn(async (u: User) => u),
      admit: jest.fn(async () => ({ budget, refusal })),
      recordFailure: jest.fn(async () => undefined),
      recordSuccess: jest.fn(async () => undefined),
    };
    const check = new PasswordCheck(users as unknown as UsersService, hasher, verifier, lockout as unknown as LockoutService, profiles);
    return { check, lockout, users, budget, found };
  }
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'signed in',
      (e: SignInRefused) => ({ status: e.getStatus(), code: e.code, reason: e.reason, userId: e.userId }),
    );

  it('signs in with the right password, starting the count over (unless a second factor is still to come)', async () => {
    const { check, lockout, found, budget } = setup({});
    await expect(check.check('ada', PASSWORD, meta, ['dev'])).resolves.toBe(found);
    expect(lockout.releaseIfExpired).toHaveBeenCalledWith(found, meta);
    expect(lockout.admit).toHaveBeenCalledWith(found, ['dev']);
    expect(lockout.recordSuccess).toHaveBeenCalledWith(budget);
    const twoFactor = setup({ using2FA: true });
    await twoFactor.check.check('ada', PASSWORD, meta);
    expect(twoFactor.lockout.recordSuccess).not.toHaveBeenCalled();
  });

  it('refuses a wrong password, an unknown user and a user without a password alike (401), each counted', async () => {
    const wrong = setup({});
    expect(await refusalOf(wrong.check.check('ada', 'wrong', meta))).toEqual({ status: 401, code: 'invalid_credentials', reason: 'wrong_password', userId: '7' });
    expect(wrong.lockout.recordFailure).toHaveBeenCalledWith(wrong.budget, meta);
    const unknown = setup(null);
    expect(await refusalOf(unknown.check.check('nobody', PASSWORD, meta))).toEqual({ status: 401, code: 'invalid_credentials', reason: 'unknown_user', userId: null });
    expect(unknown.lockout.admit).toHaveBeenCalledWith('nobody', []);
    expect(unknown.lockout.recordFailure).toHaveBeenCalledTimes(1);
    const google = setup({ passwordHash: null });
    expect(await refusalOf(google.check.check('ada', PASSWORD, meta))).toMatchObject({ code: 'invalid_credentials', reason: 'wrong_password' });
    expect(google.lockout.recordFailure).toHaveBeenCalledTimes(1);
  });

  it('answers a locked budget with 423 audited as locked, even for the right password, counting nothing', async () => {
    for (const password of [PASSWORD, 'wrong']) {
      const { check, lockout } = setup({}, Errors.accountLocked());
      expect(await refusalOf(check.check('ada', password, meta))).toEqual({ status: 423, code: 'account_locked', reason: 'locked', userId: '7' });
      expect(lockout.recordFailure).not.toHaveBeenCalled();
      expect(lockout.recordSuccess).not.toHaveBeenCalled();
    }
    const unknown = setup(null, Errors.accountLocked());
    expect(await refusalOf(unknown.check.check('nobody', PASSWORD, meta))).toMatchObject({ status: 423, reason: 'unknown_user' });
  });

  it('answers over the rate limit with 429 audited as rate_limited, comparing nothing', async () => {
    const { check, lockout } = setup({}, Errors.rateLimited('Too many sign-in attempts', 30));
    const verify = jest.spyOn(verifier, 'verify');
    expect(await refusalOf(check.check('ada', PASSWORD, meta))).toEqual({ status: 429, code: 'rate_limited', reason: 'rate_limited', userId: '7' });
    expect(verify).not.toHaveBeenCalled();
    expect(lockout.recordFailure).not.toHaveBeenCalled();
    verify.mockRestore();
  });

  it('refuses a password of more than 72 bytes without comparing it with the hash (bcrypt would read 72 only)', async () => {
    const long = 'a'.repeat(72);
    const { check } = setup({ passwordHash: await hasher.hash(long) });
    expect(await refusalOf(check.check('ada', `${long}b`, meta))).toMatchObject({ reason: 'wrong_password' });
  });

  it('signs in with the password typed in another Unicode form (NFD for an NFC one), and only then rehashes', async () => {
    const nfc = 'Caf\u00e9-passw0rd';
    const nfd = 'Cafe\u0301-passw0rd';
    const fresh = setup({ passwordHash: await hasher.hash(nfc) });
    const hash = jest.spyOn(hasher, 'hash');
    await expect(fresh.check.check('ada', nfd, meta)).resolves.toBe(fresh.found);
    // A hash at BCRYPT_COST of the NFC form is kept as it is.
    expect(hash).not.toHaveBeenCalled();
    hash.mockRestore();
  });

  it('replaces a hash made from a password that was not NFC with one of its NFC form, best effort (a failure is logged)', async () => {
    const nfd = 'Cafe\u0301-passw0rd';
    const { check, users, found } = setup({ passwordHash: await hasher.hash(nfd) });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    users.replacePasswordHash.mockRejectedValueOnce(new Error('row changed'));
    await expect(check.check('ada', nfd, meta)).resolves.toBe(found);
    await waitFor('the rehash', () => warn.mock.calls.length > 0);
    const [, oldHash, newHash] = users.replacePasswordHash.mock.calls[0] as unknown as [string, string, string];
    expect(oldHash).toBe(found!.passwordHash);
    await expect(hasher.verify('Caf\u00e9-passw0rd', newHash)).resolves.toBe(true);
    expect(warn).toHaveBeenCalledWith('Rehash of user 7 failed: row changed');
    expect((warn.mock.contexts[0] as unknown as { context: string }).context).toBe('Credentials');
    warn.mockRestore();
  });

  it('refuses a user whose stored hash is of no known kind like a wrong password', async () => {
    const { check } = setup({ passwordHash: 'not-a-hash' });
    expect(await refusalOf(check.check('ada', PASSWORD, meta))).toMatchObject({ status: 401, reason: 'wrong_password' });
  });
});

