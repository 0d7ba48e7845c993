import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { EntityManager, IsNull, LessThan, Not, Or, Repository } from 'typeorm';
import { DataKeys } from '../../encryption/data-keys';
import { currentStep } from './totp';
import { TotpSecrets } from './totp-secrets.service';
import { UserTotp } from './user-totp.entity';

const NOW = 1_700_000_000_000;
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const codeAt = (ms: number) => new TOTP({ secret: Secret.fromBase32(SECRET) }).generate({ timestamp: ms });
const uniqueViolation = Object.assign(new Error('duplicate key'), { code: '23505' });

function setup(row: Partial<UserTotp> | null, keys = DataKeys.load({ keys: [randomBytes(32)], keysDir: '/nonexistent' })) {
  const stored = row && ({ userId: 'u1', secret: keys.seal(SECRET, 'totp:u1'), confirmedAt: new Date(NOW - 1), lastUsedStep: null, ...row } as UserTotp);
  const rows = {
    findOneBy: jest.fn(async () => stored),
    existsBy: jest.fn(async () => false),
    update: jest.fn(async () => ({ affected: 1 })),
    insert: jest.fn(async () => undefined),
  };
  const secrets = new TotpSecrets(rows as unknown as Repository<UserTotp>, keys);
  return { secrets, rows, stored, keys };
}

describe('TotpSecrets', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('accepts a code of the active secret with one conditional UPDATE: only a step later than the last one used', async () => {
    const { secrets, rows } = setup({});
    await expect(secrets.check('u1', codeAt(NOW))).resolves.toBe('accepted');
    const step = currentStep(NOW);
    expect(rows.findOneBy).toHaveBeenCalledWith({ userId: 'u1', confirmedAt: Not(IsNull()) });
    expect(rows.update).toHaveBeenCalledWith({ userId: 'u1', confirmedAt: Not(IsNull()), lastUsedStep: Or(IsNull(), LessThan(step)) }, { lastUsedStep: step });
  });

  it('records the step of a code from the step before (drift), not the current one', async () => {
    const { secrets, rows } = setup({});
    await secrets.check('u1', codeAt(NOW - 30_000));
    expect(rows.update).toHaveBeenCalledWith(expect.anything(), { lastUsedStep: currentStep(NOW) - 1 });
  });

  it('answers reused when the UPDATE matched nothing (that step or a later one was used), wrong for a wrong code, none without a secret', async () => {
    const reused = setup({});
    reused.rows.update.mockResolvedValueOnce({ affected: 0 });
    await expect(reused.secrets.check('u1', codeAt(NOW))).resolves.toBe('reused');
    const wrong = setup({});
    const bad = codeAt(NOW) === '000000' ? '111111' : '000000';
    await expect(wrong.secrets.check('u1', bad)).resolves.toBe('wrong');
    expect(wrong.rows.update).not.toHaveBeenCalled();
    await expect(setup(null).secrets.check('u1', codeAt(NOW))).resolves.toBe('none');
  });

  it('re-seals a secret sealed under an older key in the same UPDATE', async () => {
    const old = DataKeys.load({ keys: [randomBytes(32)], keysDir: '/nonexistent' });
    const current = randomBytes(32);
    const keys = DataKeys.load({ keys: [current, (old as unknown as { keys: { key: Buffer }[] }).keys[0].key], keysDir: '/nonexistent' });
    const { secrets, rows } = setup({ secret: old.seal(SECRET, 'totp:u1') }, keys);
    await expect(secrets.check('u1', codeAt(NOW))).resolves.toBe('accepted');
    const [, changes] = rows.update.mock.calls[0] as unknown as [unknown, { secret: string }];
    expect(keys.isCurrent(changes.secret)).toBe(true);
    expect(keys.open(changes.secret, 'totp:u1')).toBe(SECRET);
  });

  it('activates only the pending secret that was checked, with the step that confirmed it', async () => {
    const { secrets, rows } = setup({});
    const em = { getRepository: () => rows } as unknown as EntityManager;
    await expect(secrets.activate(em, 'u1', 'sealed', 42)).resolves.toBe(true);
    expect(rows.update).toHaveBeenCalledWith({ userId: 'u1', secret: 'sealed', confirmedAt: IsNull() }, { confirmedAt: new Date(NOW), lastUsedStep: 42 });
    rows.update.mockResolvedValueOnce({ affected: 0 });
    await expect(secrets.activate(em, 'u1', 'sealed', 42)).resolves.toBe(false);
  });

  it('starts an enrolment by replacing a pending secret, or inserting one; refuses while one is active', async () => {
    const { secrets, rows, keys } = setup({});
    const secret = await secrets.startEnrolment('u1');
    const [criteria, fields] = rows.update.mock.calls[0] as unknown as [unknown, { secret: string; lastUsedStep: null }];
    expect(criteria).toEqual({ userId: 'u1', confirmedAt: IsNull() });
    expect(keys.open(fields.secret, 'totp:u1')).toBe(secret);
    expect(fields.lastUsedStep).toBeNull();
    expect(rows.insert).not.toHaveBeenCalled();
    rows.update.mockResolvedValueOnce({ affected: 0 });
    await secrets.startEnrolment('u1');
    expect(rows.insert).toHaveBeenCalledWith(expect.objectContaining({ userId: 'u1', confirmedAt: null }));
    rows.existsBy.mockResolvedValueOnce(true);
    await expect(secrets.startEnrolment('u1')).rejects.toMatchObject({ status: 409, code: 'mfa_already_enabled', message: 'Two-factor sign-in is already on; turn it off first to enrol again' });
  });

  it('retries an enrolment that lost the race to insert, three times at most', async () => {
    const { secrets, rows } = setup({});
    rows.update.mockResolvedValue({ affected: 0 });
    rows.insert.mockRejectedValueOnce(uniqueViolation);
    await expect(secrets.startEnrolment('u1')).resolves.toMatch(/^[A-Z2-7]{32}$/);
    expect(rows.insert).toHaveBeenCalledTimes(2);
    rows.insert.mockReset().mockRejectedValue(uniqueViolation);
    await expect(secrets.startEnrolment('u1')).rejects.toMatchObject({ code: 'mfa_enrolment_conflict', message: 'Another enrolment is in progress; try again' });
    expect(rows.insert).toHaveBeenCalledTimes(3);
    rows.insert.mockReset().mockRejectedValue(new Error('disk full'));
    await expect(secrets.startEnrolment('u1')).rejects.toThrow('disk full');
  });

  it("opens the user's pending secret with the sealed value a confirmation must find, and says whether one is active", async () => {
    const { secrets, rows, stored } = setup({ confirmedAt: null });
    await expect(secrets.pending('u1')).resolves.toEqual({ secret: SECRET, sealed: stored!.secret });
    expect(rows.findOneBy).toHaveBeenCalledWith({ userId: 'u1', confirmedAt: IsNull() });
    await expect(setup(null).secrets.pending('u1')).resolves.toBeNull();
    rows.existsBy.mockResolvedValueOnce(true);
    await expect(secrets.isActive('u1')).resolves.toBe(true);
    expect(rows.existsBy).toHaveBeenCalledWith({ userId: 'u1', confirmedAt: Not(IsNull()) });
  });

  it("removes the user's rows only", async () => {
    const del = jest.fn(async () => undefined);
    await setup({}).secrets.remove({ getRepository: () => ({ delete: del }) } as unknown as EntityManager, 'u1');
    expect(del).toHaveBeenCalledWith({ userId: 'u1' });
  });
});

