import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { metricValue } from '../../../../test/support/metrics';
import { MemoryRepository } from '../../../../test/support/memory-repository';
import { AuditService } from '../../../audit/audit.service';
import { TransactionRunner } from '../../../database/transaction-runner';
import { Metrics } from '../../../metrics/metrics';
import { User } from '../../../users/user.entity';
import { UsersService } from '../../../users/users.service';
import { refreshTokenRow } from './refresh-token-issuer.service';
import { RefreshTokenRevocation } from './refresh-token-revocation.service';
import { RefreshTokenRotation } from './refresh-token-rotation.service';
import { RefreshToken } from './refresh-token.entity';

// The token is read by a prepared statement (ColumnLookup, checked against both databases by
// test/column-lookup.e2e-spec.ts); over the memory repository, by findOneBy.
jest.mock('../../../database/column-lookup', () => ({
  ColumnLookup: jest.requireActual('../../../../test/support/memory-repository').MemoryColumnLookup,
}));
import { hashRefreshToken, newRefreshToken } from './refresh-token.secret';

const NOW = 1_700_000_000_000;
const GRACE_SECONDS = 10;
const CLIENT = 'web';

function setup(userFields: Partial<User> = {}) {
  const repo = new MemoryRepository<RefreshToken>();
  const tokens = repo as unknown as Repository<RefreshToken>;
  const user = Object.assign(new User(), { id: 'u1', isActive: true, tokenGeneration: 2, isLocked: false, lockReason: null, ...userFields });
  const users = { findById: jest.fn(async (id: string) => (id === user.id ? user : null)) } as unknown as UsersService;
  const revocation = new RefreshTokenRevocation(tokens, users);
  const audit = { record: jest.fn() };
  const metrics = new Metrics();
  const tx = { run: (work: (em: unknown) => unknown) => work({ getRepository: () => tokens }) } as unknown as TransactionRunner;
  const rotation = new RefreshTokenRotation(tokens, { refreshReuseIntervalSeconds: GRACE_SECONDS } as never, tx, users, revocation, audit as unknown as AuditService, metrics);
  /** A new family's first token, as the issuer makes it. */
  const issue = (fields: Partial<RefreshToken> = {}) => {
    const token = newRefreshToken();
    const id = randomUUID();
    const base = { id, familyId: id, userId: 'u1', clientId: CLIENT, generation: 2, expiresAt: new Date(NOW + 3_600_000) };
    void repo.insert({ ...refreshTokenRow(base, token, new Date(NOW)), ...fields });
    return token;
  };
  const rowOf = (token: string) => repo.rows.find((r) => r.tokenHash === hashRefreshToken(token))!;
  const codeOf = (token: string) => rotation.rotate(token, CLIENT).then(() => 'rotated', (e: { code: string }) => e.code);
  const count = async (result: string) => metricValue(await metrics.text(), 'gatehouse_refresh_rotations_total', { result });
  return { repo, user, rotation, audit, issue, rowOf, codeOf, count };
}

describe('RefreshTokenRotation', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('exchanges an unused token for a successor in the same family, with the same expiry, and counts it', async () => {
    const { repo, rotation, issue, rowOf, user, count } = setup();
    const first = issue();
    const { user: rotatedFor, refreshToken } = await rotation.rotate(first, CLIENT);
    expect(rotatedFor).toBe(user);
    expect(refreshToken.expiresAt).toEqual(new Date(NOW + 3_600_000));
    const successor = rowOf(refreshToken.token);
    expect(successor).toMatchObject({ familyId: rowOf(first).familyId, userId: 'u1', clientId: CLIENT, generation: 2, usedAt: null, revokedAt: null });
    expect(rowOf(first)).toMatchObject({ usedAt: new Date(NOW), successorId: successor.id });
    expect(repo.rows).toHaveLength(2);
    expect(await count('rotated')).toBe(1);
    // The next rotation wipes the sealed copy the first row kept: nothing can open it any more.
    expect(rowOf(first).successorCiphertext).not.toBeNull();
    await rotation.rotate(refreshToken.token, CLIENT);
    expect(rowOf(first).successorCiphertext).toBeNull();
    expect(rowOf(refreshToken.token).successorCiphertext).not.toBeNull();
  });

  it('refuses an unknown token, one of another client, an expired one and one of a revoked family, as invalid', async () => {
    const { rotation, issue, codeOf, count } = setup();
    expect(await codeOf('nope')).toBe('invalid_refresh_token');
    await expect(rotation.rotate(issue(), 'other-client')).rejects.toMatchObject({ code: 'invalid_refresh_token' });
    expect(await codeOf(issue({ expiresAt: new Date(NOW) }))).toBe('invalid_refresh_token');
    expect(await codeOf(issue({ expiresAt: new Date(NOW + 1) }))).toBe('rotated');
    expect(await codeOf(issue({ revokedAt: new Date(NOW - 1) }))).toBe('invalid_refresh_token');
    expect(await count('refused')).toBe(4);
  });

  it.each<[string, Partial<User>]>([
    ['deleted', { id: 'gone' }],
    ['disabled', { isActive: false }],
    ['of a newer token generation', { tokenGeneration: 3 }],
    ['locked by an admin', { isLocked: true, lockReason: 'admin' }],
  ])('refuses the token of a user %s and revokes its family', async (_what, fields) => {
    const { issue, rowOf, codeOf } = setup(fields);
    const token = issue();
    expect(await codeOf(token)).toBe('invalid_refresh_token');
    expect(rowOf(token).revokedAt).toEqual(new Date(NOW));
  });

  it('keeps the session of a user locked automatically (failed passwords): no one can sign a user out by guessing', async () => {
    const { issue, codeOf } = setup({ isLocked: true, lockReason: 'failed_logins' });
    expect(await codeOf(issue())).toBe('rotated');
  });

  it('answers a token presented again within REFRESH_REUSE_INTERVAL with the same successor, not a sibling', async () => {
    const { repo, rotation, issue } = setup();
    issue(); // another session's token, stored first
    const first = issue();
    const { refreshToken } = await rotation.rotate(first, CLIENT);
    jest.setSystemTime(NOW + GRACE_SECONDS * 1000 - 1);
    await expect(rotation.rotate(first, CLIENT)).resolves.toMatchObject({ refreshToken: { token: refreshToken.token, expiresAt: refreshToken.expiresAt } });
    expect(repo.rows).toHaveLength(3);
  });

  it('treats a token presented again once the interval is over as a reuse: the family revoked, audited, counted', async () => {
    const { rotation, issue, rowOf, audit, codeOf, count } = setup();
    const first = issue();
    const { refreshToken } = await rotation.rotate(first, CLIENT);
    jest.setSystemTime(NOW + GRACE_SECONDS * 1000);
    expect(await codeOf(first)).toBe('refresh_token_reused');
    expect(rowOf(refreshToken.token).revokedAt).toEqual(new Date(NOW + GRACE_SECONDS * 1000));
    expect(audit.record).toHaveBeenCalledWith({ type: 'refresh_token.reuse_detected', subjectId: 'u1', clientId: CLIENT, details: { familyId: rowOf(first).familyId } });
    expect(await count('reused')).toBe(1);
    expect(await codeOf(refreshToken.token)).toBe('invalid_refresh_token');
  });

  it.each<[string, (row: RefreshToken, successor: RefreshToken) => void]>([
    ['whose successor was used already', (_row, successor) => (successor.usedAt = new Date(NOW))],
    ['whose successor is gone', (_row, successor) => (successor.id = 'deleted')],
    ['whose sealed copy does not open', (row) => (row.successorCiphertext = row.successorCiphertext!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))],
    ['whose sealed copy was wiped', (row) => (row.successorCiphertext = null)],
  ])('treats a token presented again within the interval %s as a reuse', async (_what, change) => {
    const { rotation, issue, rowOf, codeOf } = setup();
    const first = issue();
    const { refreshToken } = await rotation.rotate(first, CLIENT);
    change(rowOf(first), rowOf(refreshToken.token));
    expect(await codeOf(first)).toBe('refresh_token_reused');
  });

  it("loses a race without inserting a successor of its own: its conditional UPDATE matched nothing, the winner's successor is the answer", async () => {
    const { repo, rotation, issue, rowOf } = setup();
    const first = issue();
    // The loser read the row while it was still unused; the winner rotated it before the loser's UPDATE.
    const readBeforeTheWinner = { ...rowOf(first) };
    const winner = await rotation.rotate(first, CLIENT);
    const findOneBy = repo.findOneBy.bind(repo);
    jest.spyOn(repo, 'findOneBy').mockImplementationOnce(async () => readBeforeTheWinner).mockImplementation(findOneBy);
    const insert = jest.spyOn(repo, 'insert');
    const loser = await rotation.rotate(first, CLIENT);
    expect(loser.refreshToken.token).toBe(winner.refreshToken.token);
    expect(insert).not.toHaveBeenCalled();
    expect(repo.rows).toHaveLength(2);
  });

  it('answers invalid, not reuse, when the row was revoked after the first read (a logout racing the refresh)', async () => {
    const { repo, issue, rowOf, codeOf, audit } = setup();
    const first = issue({ usedAt: new Date(NOW - 60_000) });
    const row = { ...rowOf(first) };
    jest.spyOn(repo, 'existsBy').mockResolvedValueOnce(false);
    const findOneBy = repo.findOneBy.bind(repo);
    jest.spyOn(repo, 'findOneBy').mockImplementationOnce(async () => row).mockImplementation(findOneBy);
    rowOf(first).revokedAt = new Date(NOW);
    expect(await codeOf(first)).toBe('invalid_refresh_token');
    expect(audit.record).not.toHaveBeenCalled();
  });

  it.each<[string, (row: RefreshToken, repo: MemoryRepository<RefreshToken>) => void]>([
    ['expired', (row) => (row.expiresAt = new Date(NOW))],
    ['deleted (housekeeping)', (row, repo) => repo.rows.splice(repo.rows.indexOf(row), 1)],
  ])('answers invalid, not reuse, for a used token %s after the first read, revoking nothing', async (_what, change) => {
    const { repo, issue, rowOf, codeOf, audit } = setup();
    const first = issue({ usedAt: new Date(NOW - 60_000) });
    const readFirst = { ...rowOf(first) };
    change(rowOf(first), repo);
    const findOneBy = repo.findOneBy.bind(repo);
    jest.spyOn(repo, 'findOneBy').mockImplementationOnce(async () => readFirst).mockImplementation(findOneBy);
    expect(await codeOf(first)).toBe('invalid_refresh_token');
    expect(repo.rows.every((r) => r.revokedAt === null)).toBe(true);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('reports no reuse when a concurrent request revoked the family first (its UPDATE revoked no row)', async () => {
    const { repo, rotation, issue, codeOf, audit } = setup();
    const first = issue();
    await rotation.rotate(first, CLIENT);
    jest.setSystemTime(NOW + GRACE_SECONDS * 1000);
    // The other request's revocation commits after this one's checks: PostgreSQL then makes its UPDATE match nothing.
    const update = repo.update.bind(repo);
    jest.spyOn(repo, 'update').mockImplementation(async (criteria, changes) => ('familyId' in criteria ? { affected: 0 } : update(criteria, changes)));
    expect(await codeOf(first)).toBe('invalid_refresh_token');
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('logs a reuse under RefreshTokens with the family and user ids, never the token', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const { rotation, issue, rowOf, codeOf } = setup();
    const first = issue();
    await rotation.rotate(first, CLIENT);
    jest.setSystemTime(NOW + GRACE_SECONDS * 1000);
    await codeOf(first);
    expect(warn).toHaveBeenCalledWith(`Reuse of a rotated refresh token: family ${rowOf(first).familyId} of user u1 revoked`);
    expect((warn.mock.contexts[0] as unknown as { context: string }).context).toBe('RefreshTokens');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(first);
  });

  it('counts a failure that is no refusal (the database failing) as no exchange at all', async () => {
    const { repo, rotation, issue, count } = setup();
    const first = issue();
    jest.spyOn(repo, 'findOneBy').mockRejectedValueOnce(new Error('database down'));
    await expect(rotation.rotate(first, CLIENT)).rejects.toThrow('database down');
    expect(await count('refused')).toBe(0);
    expect(await count('rotated')).toBe(0);
  });
});

