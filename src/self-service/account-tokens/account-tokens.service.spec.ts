import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { hashOpaqueToken } from '../../common/crypto/opaque-token';
import { Errors } from '../../common/errors/api-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { User } from '../../users/user.entity';
import { AccountToken } from './account-token.entity';
import { AccountTokens } from './account-tokens.service';

const NOW = 1_700_000_000_000;
const invalid = () => Errors.badInput([{ field: 'token', reason: 'is invalid or expired' }]);

function setup(found: Partial<AccountToken> | null = {}, owner: Partial<User> | null = {}) {
  const row = found && ({ userId: 'u1', purpose: 'password_reset', tokenHash: 'h', email: 'ada@example.test', createdAt: new Date(NOW - 1000), expiresAt: new Date(NOW + 1000), usedAt: null, ...found } as AccountToken);
  const repo = { upsert: jest.fn(async () => undefined), findOneBy: jest.fn(async () => row), update: jest.fn(async () => ({ affected: 1 })) };
  const user = owner && Object.assign(new User(), { id: 'u1', email: 'ada@example.test', deletedAt: null, ...owner });
  const users = { findByEmail: jest.fn(async () => user) };
  const em = { getRepository: () => repo } as unknown as EntityManager;
  const tx = { run: (work: (em: EntityManager) => Promise<void>) => work(em) } as unknown as TransactionRunner;
  const tokens = new AccountTokens(repo as unknown as Repository<AccountToken>, users as unknown as SelfServiceUsers, tx);
  return { tokens, repo, users, row, user };
}

describe('AccountTokens', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('issues a token whose hash alone is stored, for the current address, one row per user and purpose', async () => {
    const { tokens, repo } = setup();
    const token = await tokens.issue({ id: 'u1', email: 'ada@example.test' }, 'email_verification', 60_000);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(repo.upsert).toHaveBeenCalledWith(
      { userId: 'u1', purpose: 'email_verification', tokenHash: hashOpaqueToken(token), email: 'ada@example.test', createdAt: new Date(NOW), expiresAt: new Date(NOW + 60_000), usedAt: null },
      ['userId', 'purpose'],
    );
  });

  it('finds a live token by its hash and purpose, with its account', async () => {
    const { tokens, repo, users, row, user } = setup();
    await expect(tokens.find('the-token', 'password_reset')).resolves.toEqual({ row, user });
    expect(repo.findOneBy).toHaveBeenCalledWith({ tokenHash: hashOpaqueToken('the-token'), purpose: 'password_reset' });
    expect(users.findByEmail).toHaveBeenCalledWith('ada@example.test');
  });

  it.each<[string, Partial<AccountToken> | null, Partial<User> | null]>([
    ['unknown', null, {}],
    ['used', { usedAt: new Date(NOW - 1) }, {}],
    ['expiring now', { expiresAt: new Date(NOW) }, {}],
    ['expired', { expiresAt: new Date(NOW - 1) }, {}],
    ['whose address no longer belongs to anyone', {}, null],
    ['whose address now belongs to another account', {}, { id: 'u2' }],
    ['of a deleted account', {}, { deletedAt: new Date(NOW - 1) }],
  ])('finds no %s token', async (_what, row, owner) => {
    const { tokens } = setup(row, owner);
    await expect(tokens.find('the-token', 'password_reset')).resolves.toBeNull();
  });

  it('redeems with one conditional UPDATE (this hash, unused, unexpired), then makes the change', async () => {
    const { tokens, repo, row } = setup();
    const change = jest.fn(async () => true);
    await tokens.redeem(row!, change, invalid);
    expect(repo.update).toHaveBeenCalledWith(
      { userId: 'u1', purpose: 'password_reset', tokenHash: 'h', usedAt: IsNull(), expiresAt: MoreThan(new Date(NOW)) },
      { usedAt: new Date(NOW) },
    );
    expect(change).toHaveBeenCalled();
  });

  it('refuses, without the change, a token another request used first; and refuses when the change did not apply', async () => {
    const { tokens, repo, row } = setup();
    repo.update.mockResolvedValueOnce({ affected: 0 });
    const change = jest.fn(async () => true);
    await expect(tokens.redeem(row!, change, invalid)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(change).not.toHaveBeenCalled();
    await expect(tokens.redeem(row!, async () => false, invalid)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
