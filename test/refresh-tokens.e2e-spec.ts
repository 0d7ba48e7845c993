import { createHash } from 'node:crypto';
import { RefreshTokenRevocation } from '../src/auth/sessions/refresh/refresh-token-revocation.service';
import { UsersService } from '../src/users/users.service';
import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { CLIENT } from './support/seed';
import { me, refresh, Session, signIn } from './support/sessions';
import { sql } from './support/sql';
import { TestApp, useTestApp } from './support/test-app';
import { newUser as newTestUser } from './support/users';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A fresh user per test, so no test depends on another's sessions. */
const newUser = (t: TestApp) => newTestUser(t, { prefix: 'rt', password: 'Refresh-pw-1' });

/**
 * Runs `action` once, when a refresh has read its token and checked its family and its user, but has not yet
 * rotated it or decided what a used token means: the window in which a logout or housekeeping races the refresh.
 */
function afterRefreshChecks(t: TestApp, action: () => Promise<unknown>): void {
  const users = t.app.get(UsersService);
  const findById = users.findById.bind(users);
  jest.spyOn(users, 'findById').mockImplementationOnce(async (id) => {
    const user = await findById(id);
    await action();
    return user;
  });
}

/** The refresh_token.reuse_detected events recorded for a user. */
async function reuseEvents(t: TestApp, userId: string): Promise<unknown[]> {
  await flushAudit(t);
  return sql(t, `SELECT id FROM audit_events WHERE type = 'refresh_token.reuse_detected' AND "subjectId" = '${userId}'`);
}

const logout = (t: TestApp, refreshToken: string) => t.http().post('/api/auth/logout').send({ refreshToken }).expect(204);

describeEachDatabase('refresh tokens, strict (REFRESH_REUSE_INTERVAL=0)', (kind) => {
  const t = useTestApp(kind, { REFRESH_REUSE_INTERVAL: '0' });
  afterEach(() => jest.restoreAllMocks());

  it('returns an opaque 256-bit refresh token with every login, stored only as its SHA-256', async () => {
    const u = await newUser(t);
    const s = await signIn(t, u.email, u.password);
    expect(Buffer.from(s.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(s.refreshExpiresIn).toBeGreaterThan(29 * 24 * 3600);
    const rows = await sql(t, `SELECT * FROM refresh_tokens WHERE "userId" = '${s.user.id}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256(s.refreshToken));
    expect(rows[0].clientId).toBe(CLIENT.clientId);
    expect(JSON.stringify(rows)).not.toContain(s.refreshToken);
  });

  it('rotates: a new pair that works, and the old refresh token stops working', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s0.refreshToken);
    expect(r1.body.accessToken).toEqual(expect.any(String));
    expect(r1.body.user.email).toBe(u.email);
    expect((await me(t, r1.body.accessToken)).status).toBe(200);
    const r2 = await refresh(t, r1.body.refreshToken);
    expect(r2.status).toBe(200);
    const again = await refresh(t, r1.body.refreshToken);
    expect(again.status).toBe(401);
  });

  it('detects reuse of a rotated token and revokes the whole family (the successor stops working too)', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    expect(r1.status).toBe(200);
    const reuse = await refresh(t, s0.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    const successor = await refresh(t, r1.body.refreshToken);
    expect(successor.status).toBe(401);
    expect(successor.body.code).toBe('invalid_refresh_token');
  });

  it('lets exactly one of several concurrent refreshes of one token rotate it', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(t, s0.refreshToken)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
    const rows = await sql(t, `SELECT id FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`);
    expect(rows).toHaveLength(2);
  });

  const racers: [string, (s: Session) => Promise<unknown>][] = [
    ['a logout of its session', (s) => logout(t, s.refreshToken)],
    ['a logout-all', (s) => t.http().post('/api/auth/logout-all').set('authorization', `Bearer ${s.accessToken}`).expect(204)],
  ];
  it.each(racers)('answers invalid_refresh_token, with no reuse event, to a refresh racing %s', async (_, racer) => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    afterRefreshChecks(t, () => racer(s0));
    const res = await refresh(t, s0.refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_refresh_token');
    expect(await reuseEvents(t, s0.user.id)).toHaveLength(0);
  });

  it('answers invalid_refresh_token (401, not 404) when the unused token row is deleted before its rotation', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    afterRefreshChecks(t, () => sql(t, `DELETE FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`));
    const res = await refresh(t, s0.refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_refresh_token');
  });

  it('still reports a reuse (one event) when nothing else revoked the family', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    expect((await refresh(t, s0.refreshToken)).status).toBe(200);
    const reuse = await refresh(t, s0.refreshToken);
    expect(reuse.body.code).toBe('refresh_token_reused');
    expect(await reuseEvents(t, s0.user.id)).toHaveLength(1);
  });

  it('reports no reuse when the family is revoked between the decision and the revocation (the revoker reports)', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    expect((await refresh(t, s0.refreshToken)).status).toBe(200);
    // Inside the transaction, right after its check: the family revoked as a logout committed just then would.
    const revocation = t.app.get(RefreshTokenRevocation);
    const isFamilyRevoked = revocation.isFamilyRevoked.bind(revocation);
    const spy = jest.spyOn(revocation, 'isFamilyRevoked').mockImplementation(async (familyId, tokens) => {
      const revoked = await isFamilyRevoked(familyId, tokens);
      if (tokens) await tokens.update({ familyId }, { revokedAt: new Date() });
      return revoked;
    });
    const reuse = await refresh(t, s0.refreshToken);
    expect(spy).toHaveBeenCalledWith(expect.any(String), expect.anything());
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('invalid_refresh_token');
    expect(await reuseEvents(t, s0.user.id)).toHaveLength(0);
  });

  it('leaves other families of the same user alone when one is revoked for reuse', async () => {
    const u = await newUser(t);
    const a = await signIn(t, u.email, u.password);
    const b = await signIn(t, u.email, u.password);
    expect((await refresh(t, a.refreshToken)).status).toBe(200);
    expect((await refresh(t, a.refreshToken)).status).toBe(401);
    expect((await refresh(t, b.refreshToken)).status).toBe(200);
  });

  it("refuses a refresh token presented by another client with 401 (and it still works for its own)", async () => {
    const u = await newUser(t);
    const s = await signIn(t, u.email, u.password);
    const other = await refresh(t, s.refreshToken, { clientId: 'spa-app' });
    expect(other.status).toBe(401);
    expect(other.body.code).toBe('invalid_refresh_token');
    expect((await refresh(t, s.refreshToken)).status).toBe(200);
  });

  it('still authenticates the client: a wrong client secret is invalid_client', async () => {
    const u = await newUser(t);
    const s = await signIn(t, u.email, u.password);
    const res = await refresh(t, s.refreshToken, { clientId: CLIENT.clientId, clientSecret: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_client');
  });

  it('answers 401 for an unknown token and 400 naming the field for a missing one', async () => {
    expect((await refresh(t, 'not-a-token')).status).toBe(401);
    const missing = await t.http().post('/api/auth/login').send({ type: 'refresh_token', ...CLIENT });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'withRefreshToken' })]));
  });

  it('keeps the absolute lifetime across rotations, and refuses the family once it has passed', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    expect(r1.status).toBe(200);
    const rows = await sql<{ expiresAt: string | Date }>(t, `SELECT "expiresAt" FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`);
    expect(rows).toHaveLength(2);
    expect(new Date(rows[0].expiresAt).getTime()).toBe(new Date(rows[1].expiresAt).getTime());
    expect(r1.body.refreshExpiresIn).toBeLessThanOrEqual(s0.refreshExpiresIn);
    const past = kind.name === 'postgres' ? `now() - interval '1 second'` : `'2000-01-01 00:00:00.000'`;
    await sql(t, `UPDATE refresh_tokens SET "expiresAt" = ${past} WHERE "userId" = '${s0.user.id}'`);
    const expired = await refresh(t, r1.body.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('invalid_refresh_token');
  });

  it('logout revokes the family of the token (204), and answers 204 for an unknown token too', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    const out = await t.http().post('/api/auth/logout').send({ refreshToken: s0.refreshToken });
    expect(out.status).toBe(204);
    expect((await refresh(t, r1.body.refreshToken)).status).toBe(401);
    expect((await t.http().post('/api/auth/logout').send({ refreshToken: 'unknown' })).status).toBe(204);
    expect((await t.http().post('/api/auth/logout').send({})).status).toBe(400);
  });

  it('logout-all (Bearer) revokes every refresh token of the caller and the access tokens issued before', async () => {
    const u = await newUser(t);
    const a = await signIn(t, u.email, u.password);
    const b = await signIn(t, u.email, u.password);
    const other = await newUser(t);
    const stranger = await signIn(t, other.email, other.password);
    expect((await t.http().post('/api/auth/logout-all')).status).toBe(401);
    const out = await t.http().post('/api/auth/logout-all').set('authorization', `Bearer ${a.accessToken}`);
    expect(out.status).toBe(204);
    expect((await refresh(t, a.refreshToken)).status).toBe(401);
    expect((await refresh(t, b.refreshToken)).status).toBe(401);
    expect((await me(t, a.accessToken)).status).toBe(401);
    expect((await me(t, b.accessToken)).status).toBe(401);
    expect((await refresh(t, stranger.refreshToken)).status).toBe(200);
    const again = await signIn(t, u.email, u.password);
    expect((await me(t, again.accessToken)).status).toBe(200);
  });

  it('a password change ends the other sessions, continues the caller with a new pair; same-second tokens work', async () => {
    const u = await newUser(t);
    const caller = await signIn(t, u.email, u.password);
    const otherDevice = await signIn(t, u.email, u.password);
    const change = await t.http()
      .post('/api/users/me/password')
      .set('authorization', `Bearer ${caller.accessToken}`)
      .send({ currentPassword: u.password, newPassword: 'Changed-pw-2' });
    expect(change.status).toBe(200);
    // Issued within the same second as the revocation: told apart exactly (token generation, not iat).
    expect((await me(t, change.body.accessToken)).status).toBe(200);
    expect((await refresh(t, change.body.refreshToken)).status).toBe(200);
    const fresh = await signIn(t, u.email, 'Changed-pw-2');
    expect((await me(t, fresh.accessToken)).status).toBe(200);
    for (const old of [caller, otherDevice]) {
      expect((await me(t, old.accessToken)).status).toBe(401);
      expect((await refresh(t, old.refreshToken)).status).toBe(401);
    }
  });
});

describeEachDatabase('refresh tokens, grace interval (default 10 s)', (kind) => {
  const t = useTestApp(kind);
  afterEach(() => jest.restoreAllMocks());

  it('answers a reuse within the interval with the same, working successor', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    const tab2 = await refresh(t, s0.refreshToken);
    expect(tab2.status).toBe(200);
    expect(tab2.body.refreshToken).toBe(r1.body.refreshToken);
    expect((await me(t, tab2.body.accessToken)).status).toBe(200);
    const r2 = await refresh(t, tab2.body.refreshToken);
    expect(r2.status).toBe(200);
    // The successor is used now: the first token coming back again is a reuse, and the family is revoked.
    expect((await refresh(t, s0.refreshToken)).status).toBe(401);
    expect((await refresh(t, r2.body.refreshToken)).status).toBe(401);
  });

  it('lets concurrent refreshes of one token all succeed with one successor (one rotation wins)', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const results = await Promise.all(Array.from({ length: 6 }, () => refresh(t, s0.refreshToken)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(results.map((r) => r.body.refreshToken as string)).size).toBe(1);
    const rows = await sql(t, `SELECT id FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`);
    expect(rows).toHaveLength(2);
    expect((await refresh(t, results[0].body.refreshToken)).status).toBe(200);
  });

  it('answers invalid_refresh_token, with no reuse event, to a second tab refreshing while the session logs out', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    expect(r1.status).toBe(200);
    afterRefreshChecks(t, () => logout(t, r1.body.refreshToken));
    const tab2 = await refresh(t, s0.refreshToken);
    expect(tab2.status).toBe(401);
    expect(tab2.body.code).toBe('invalid_refresh_token');
    expect(await reuseEvents(t, s0.user.id)).toHaveLength(0);
  });

  it('answers invalid_refresh_token (401, not 404) when a used token row is deleted before the grace decision', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    expect((await refresh(t, s0.refreshToken)).status).toBe(200);
    afterRefreshChecks(t, () => sql(t, `DELETE FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`));
    const tab2 = await refresh(t, s0.refreshToken);
    expect(tab2.status).toBe(401);
    expect(tab2.body.code).toBe('invalid_refresh_token');
  });

  it('keeps no readable successor: what is stored opens only with the old token', async () => {
    const u = await newUser(t);
    const s0 = await signIn(t, u.email, u.password);
    const r1 = await refresh(t, s0.refreshToken);
    const dump = JSON.stringify(await sql(t, `SELECT * FROM refresh_tokens WHERE "userId" = '${s0.user.id}'`));
    expect(dump).not.toContain(r1.body.refreshToken);
    expect(dump).not.toContain(s0.refreshToken);
  });
});
