import { QueryFailedError, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ApiError } from '../../common/errors/api-error';
import { TransactionRunner } from '../../database/transaction-runner';
import type { GoogleProfile } from '../../google-auth/google-id-token.verifier';
import { ExternalAccountsService } from '../../users/identities/external-accounts.service';
import { User } from '../../users/user.entity';
import { SelfServiceConfig } from '../../config/self-service.config';
import { SignInPolicy } from '../sign-in/sign-in-policy';
import { GoogleAccountsService } from './google-accounts.service';

const profile: GoogleProfile = {
  sub: 'g-1', email: 'ada@example.com', emailVerified: true, name: 'Ada Lovelace',
  givenName: 'Ada', familyName: 'Lovelace', picture: 'https://lh3.googleusercontent.com/a/ada', hd: null,
};

const user = (over: Partial<User> = {}): User =>
  ({ id: '1', email: 'ada@example.com', emailVerified: true, isActive: true, isLocked: false, deletedAt: null, ...over }) as User;

function uniqueViolation(): QueryFailedError {
  return new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code: '23505' }));
}

describe('GoogleAccountsService', () => {
  const em = {} as EntityManager;
  const tx = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(em)) } as unknown as TransactionRunner;
  let accounts: jest.Mocked<ExternalAccountsService>;
  let audit: { record: jest.Mock };
  let service: GoogleAccountsService;

  beforeEach(() => {
    accounts = {
      findLinkedUser: jest.fn().mockResolvedValue(null),
      findByEmail: jest.fn().mockResolvedValue(null),
      findIdentity: jest.fn().mockResolvedValue(null),
      hasUnlinked: jest.fn().mockResolvedValue(false),
      link: jest.fn().mockResolvedValue(undefined),
      createUser: jest.fn().mockResolvedValue(user({ id: 'new' })),
    } as unknown as jest.Mocked<ExternalAccountsService>;
    audit = { record: jest.fn() };
    const policy = new SignInPolicy({ signUp: { requireVerifiedEmail: false } } as SelfServiceConfig);
    service = new GoogleAccountsService(tx, accounts, policy, audit as unknown as AuditService);
  });

  it('returns the user linked to the Google sub without touching anything', async () => {
    accounts.findLinkedUser.mockResolvedValue(user({ id: 'linked' }));

    await expect(service.userFor(profile)).resolves.toMatchObject({ id: 'linked' });
    expect(accounts.link).not.toHaveBeenCalled();
    expect(accounts.createUser).not.toHaveBeenCalled();
  });

  it('links the user with the same (verified) e-mail, and records the link', async () => {
    accounts.findByEmail.mockResolvedValue(user({ id: 'by-email' }));

    await expect(service.userFor(profile)).resolves.toMatchObject({ id: 'by-email' });
    expect(accounts.link).toHaveBeenCalledWith(em, 'google', 'g-1', 'by-email');
    expect(accounts.createUser).not.toHaveBeenCalled();
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ type: 'identity.linked', subjectId: 'by-email', details: { provider: 'google', via: 'sign_in' } }));
  });

  it.each([
    ['whose e-mail is not verified', () => accounts.findByEmail.mockResolvedValue(user({ emailVerified: false })), 'google_account_not_linked'],
    ['already linked to another Google account', () => {
      accounts.findByEmail.mockResolvedValue(user());
      accounts.findIdentity.mockResolvedValue({ provider: 'google', subject: 'g-0', userId: '1', createdAt: new Date(), unlinkedAt: null });
    }, 'google_account_mismatch'],
    ['whose owner unlinked Google', () => {
      accounts.findByEmail.mockResolvedValue(user());
      accounts.hasUnlinked.mockResolvedValue(true);
    }, 'google_account_not_linked'],
  ])('refuses with 409 a user found by e-mail %s, linking nothing', async (_label, arrange, code) => {
    arrange();

    const error = await service.userFor(profile).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).getStatus(), (error as ApiError).code]).toEqual([409, code]);
    expect(accounts.link).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('returns the user found by e-mail that a concurrent sign-in linked to this same Google account meanwhile', async () => {
    accounts.findByEmail.mockResolvedValue(user({ id: 'raced' }));
    accounts.findIdentity.mockResolvedValue({ provider: 'google', subject: 'g-1', userId: 'raced', createdAt: new Date(), unlinkedAt: null });

    await expect(service.userFor(profile)).resolves.toMatchObject({ id: 'raced' });
    expect(accounts.link).not.toHaveBeenCalled();
  });

  it('creates a user from the profile and links it', async () => {
    await expect(service.userFor(profile)).resolves.toMatchObject({ id: 'new' });
    expect(accounts.createUser).toHaveBeenCalledWith(
      em,
      { email: 'ada@example.com', name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', avatar: 'https://lh3.googleusercontent.com/a/ada' },
      'google',
    );
    expect(accounts.link).toHaveBeenCalledWith(em, 'google', 'g-1', 'new');
  });

  it('retries after losing a race, and then finds what the winner wrote', async () => {
    accounts.createUser.mockRejectedValueOnce(uniqueViolation());
    accounts.findLinkedUser.mockResolvedValueOnce(null).mockResolvedValueOnce(user({ id: 'winner' }));

    await expect(service.userFor(profile)).resolves.toMatchObject({ id: 'winner' });
  });

  it('gives up with a 409 after three lost races, and rethrows any other error at once', async () => {
    accounts.createUser.mockRejectedValue(uniqueViolation());
    await expect(service.userFor(profile)).rejects.toMatchObject({ code: 'user_conflict' });
    expect(accounts.createUser).toHaveBeenCalledTimes(3);

    const boom = new Error('boom');
    accounts.createUser.mockReset().mockRejectedValue(boom);
    await expect(service.userFor(profile)).rejects.toBe(boom);
    expect(accounts.createUser).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['locked', { isLocked: true }, 423],
    ['disabled', { isActive: false }, 401],
    ['deleted', { deletedAt: new Date() }, 401],
    // Even with SIGNUP_REQUIRE_VERIFIED_EMAIL off (as here): linking would hand the pre-registered password's holder a
    // way into the Google account owner's account.
    ['signed-up, unverified', { createdBy: 'signup', emailVerified: false }, 403],
  ])('refuses a %s user found by e-mail without linking it', async (_label, over, status) => {
    accounts.findByEmail.mockResolvedValue(user(over));

    const error = await service.userFor(profile).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).getStatus()).toBe(status);
    expect(accounts.link).not.toHaveBeenCalled();
  });
});
