import { EntityManager, IsNull, Repository } from 'typeorm';
import { hashRecoveryCode, RECOVERY_CODES_PER_SET } from './recovery-code.secret';
import { RecoveryCode } from './recovery-code.entity';
import { RecoveryCodes } from './recovery-codes.service';

function setup() {
  const repo = {
    update: jest.fn(async () => ({ affected: 1 })),
    countBy: jest.fn(async () => 7),
    insert: jest.fn(async () => undefined),
    delete: jest.fn(async () => undefined),
  };
  const em = { getRepository: () => repo } as unknown as EntityManager;
  return { codes: new RecoveryCodes(repo as unknown as Repository<RecoveryCode>), repo, em };
}

describe('RecoveryCodes', () => {
  it('uses a code with one conditional UPDATE (this user, this hash, unused) and answers how many are left', async () => {
    const { codes, repo } = setup();
    await expect(codes.consume('u1', 'abcdefgh2345')).resolves.toBe(7);
    expect(repo.update).toHaveBeenCalledWith({ userId: 'u1', codeHash: hashRecoveryCode('u1', 'abcdefgh2345'), usedAt: IsNull() }, { usedAt: expect.any(Date) });
    expect(repo.countBy).toHaveBeenCalledWith({ userId: 'u1', usedAt: IsNull() });
  });

  it('answers null for a code that is not one of the user\'s unused codes (or that a racing request used first)', async () => {
    const { codes, repo } = setup();
    repo.update.mockResolvedValueOnce({ affected: 0 });
    await expect(codes.consume('u1', 'abcdefgh2345')).resolves.toBeNull();
    repo.update.mockResolvedValueOnce({} as { affected: number });
    await expect(codes.consume('u1', 'abcdefgh2345')).resolves.toBeNull();
    expect(repo.countBy).not.toHaveBeenCalled();
  });

  it('replaces the set: the old codes deleted, the new ones stored as hashes of their normalised form only', async () => {
    const { codes, repo, em } = setup();
    const set = await codes.replace(em, 'u1');
    expect(set).toHaveLength(RECOVERY_CODES_PER_SET);
    expect(repo.delete).toHaveBeenCalledWith({ userId: 'u1' });
    const [rows] = repo.insert.mock.calls[0] as unknown as [RecoveryCode[]];
    expect(rows.map((r) => r.codeHash)).toEqual(set.map((code) => hashRecoveryCode('u1', code.replace(/-/g, ''))));
    expect(rows.every((r) => r.userId === 'u1' && r.usedAt === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(set[0]);
    expect(repo.delete.mock.invocationCallOrder[0]).toBeLessThan(repo.insert.mock.invocationCallOrder[0]);
  });
});
