import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { UserLocksService } from '../src/users/user-locks.service';
import { User } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';
import { flushAudit } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { clockPasses, eventually } from './support/poll';
import { passwordSignIn } from './support/sessions';
import { sql } from './support/sql';
import { TestApp, useTestApp } from './support/test-app';
import { newUser as newTestUser } from './support/users';

const THRESHOLD = 4;

/** What the tests below do with the app of their block. */
function lockoutSteps(t: TestApp) {
  const login = (who: string, password: string) => passwordSignIn(t, who, password);
  return {
    login,
    newUser: () => newTestUser(t, { prefix: 'lock', password: 'Right-passw0rd' }),
    failTimes: async (n: number, who: string) => {
      for (let i = 0; i < n; i++) {
        const res = await login(who, 'Wrong-passw0rd');
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_credentials');
      }
    },
    row: async (email: string) => (await t.app.get(UsersService).findByLogin(email)) as User,
    events: async (subjectId: string, type: string) => {
      await flushAudit(t);
      return t.app.get(DataSource).getRepository(AuditEvent).findBy({ subjectId, type: type as AuditEvent['type'] });
    },
  };
}

describeEachDatabase('account lockout', (kind) => {
  describe('threshold and reset', () => {
    const t = useTestApp(kind, { LOCKOUT_THRESHOLD: String(THRESHOLD), LOCKOUT_WINDOW: '15m', LOCKOUT_DURATION: '1h' });
    const { login, newUser, failTimes, row, events } = lockoutSteps(t);

    it(`locks the account at failure number ${THRESHOLD} in a row; the right password then answers 423`, async () => {
      const u = await newUser();
      await failTimes(THRESHOLD - 1, u.email);
      expect((await row(u.email)).isLocked).toBe(false);
      await failTimes(1, u.email);
      const res = await login(u.email, u.password);
      expect(res.status).toBe(423);
      expect(res.body.code).toBe('account_locked');
      const locked = await row(u.email);
      expect(locked).toMatchObject({ isLocked: true, lockReason: 'failed_logins' });
      expect(locked.lockedAt).toBeInstanceOf(Date);
      expect(locked.lockedUntil!.getTime() - locked.lockedAt!.getTime()).toBe(3_600_000);
      const [lockEvent] = await events(u.id, 'account.locked');
      expect(lockEvent.details).toMatchObject({ failures: THRESHOLD });
    });

    it('keeps the Bearer token of a user locked automatically after it was issued (only an admin lock ends sessions)', async () => {
      const u = await newUser();
      const token = (await login(u.email, u.password)).body.accessToken as string;
      await failTimes(THRESHOLD, u.email);
      expect((await login(u.email, u.password)).status).toBe(423);
      const me = await t.http().get('/api/users/me').set('authorization', `Bearer ${token}`);
      expect(me.status).toBe(200);
      await t.app.get(UserLocksService).lockByAdmin(u.id, 'admin-1');
      expect((await t.http().get('/api/users/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
    });

    it('counts failures per account whether it is named by e-mail or by username', async () => {
      const u = await newUser();
      await failTimes(2, u.email);
      await failTimes(THRESHOLD - 2, u.username.toUpperCase());
      expect((await login(u.username, u.password)).status).toBe(423);
    });

    it('resets the count after a successful sign-in', async () => {
      const u = await newUser();
      await failTimes(THRESHOLD - 1, u.email);
      expect((await login(u.email, u.password)).status).toBe(200);
      await failTimes(THRESHOLD - 1, u.email);
      expect((await login(u.email, u.password)).status).toBe(200);
      expect((await row(u.email)).isLocked).toBe(false);
    });

    it('answers an unknown e-mail as a locked account past the threshold (no telling real accounts apart)', async () => {
      for (let i = 0; i < THRESHOLD; i++) {
        const res = await login('nobody-here@example.test', 'Wrong-passw0rd');
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_credentials');
      }
      const past = await login('nobody-here@example.test', 'Wrong-passw0rd');
      expect(past.status).toBe(423);
      expect(past.body.code).toBe('account_locked');
    });

    it('answers an admin-locked account as an unknown one: 401 up to the threshold, then 423, not 423 at once (finding 11)', async () => {
      const u = await newUser();
      await t.app.get(UserLocksService).lockByAdmin(u.id, 'admin-1');
      const statuses = async (who: string) => {
        const out: number[] = [];
        for (let i = 0; i <= THRESHOLD; i++) out.push((await login(who, 'Wrong-passw0rd')).status);
        return out;
      };
      const adminLocked = await statuses(u.email);
      expect(adminLocked).toEqual([...Array<number>(THRESHOLD).fill(401), 423]);
      expect(await statuses(`nobody-${u.username}@example.test`)).toEqual(adminLocked);
      // Only the right password tells that an admin locked the account, and it does not sign in.
      expect((await login(u.email, u.password)).status).toBe(423);
    });

    it('lets an admin unlock a locked account at once', async () => {
      const u = await newUser();
      await failTimes(THRESHOLD, u.email);
      expect(await t.app.get(UserLocksService).unlock(u.id, 'admin-1')).toBe(true);
      expect(await row(u.email)).toMatchObject({ isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null });
      expect((await login(u.email, u.password)).status).toBe(200);
      const [unlock] = await events(u.id, 'account.unlocked');
      expect(unlock).toMatchObject({ actorId: 'admin-1', details: { reason: 'admin' } });
    });
  });

  describe('expiry (LOCKOUT_DURATION=200ms)', () => {
    // Short: nothing here needs the lock to hold for a while, only to run out; waits poll the clock past its end.
    const DURATION_MS = 200;
    const t = useTestApp(kind, { LOCKOUT_THRESHOLD: String(THRESHOLD), LOCKOUT_DURATION: `${DURATION_MS}ms` });
    const { login, newUser, failTimes, row, events } = lockoutSteps(t);

    it('clears an automatic lock at the first attempt after it ran out, and counting starts over', async () => {
      const u = await newUser();
      await failTimes(THRESHOLD, u.email);
      const locked = await row(u.email);
      expect(locked.isLocked).toBe(true);
      await clockPasses(locked.lockedUntil!);
      await failTimes(THRESHOLD - 1, u.email);
      expect(await row(u.email)).toMatchObject({ isLocked: false, lockedAt: null, lockReason: null, lockedUntil: null });
      expect((await login(u.email, u.password)).status).toBe(200);
      const [unlock] = await events(u.id, 'account.unlocked');
      expect(unlock.details).toEqual({ reason: 'expired' });
    });

    it('runs the lock of an unknown identifier from the failure that reached the threshold, as a real account\'s (finding 11)', async () => {
      const u = await newUser();
      const unknown = `nobody-${u.username}@example.test`;
      for (const who of [u.email, unknown]) {
        await failTimes(THRESHOLD, who);
        expect((await login(who, 'Wrong-passw0rd')).status).toBe(423);
      }
      await clockPasses((await row(u.email)).lockedUntil!);
      // Both locks end LOCKOUT_DURATION after they were taken (not LOCKOUT_WINDOW after the first failure), and a
      // wrong password is then one more failure of a count started over.
      for (const who of [u.email, unknown]) {
        const after = await eventually(() => login(who, 'Wrong-passw0rd'), (res) => res.status !== 423, { timeoutMs: 2000 });
        expect(after.status).toBe(401);
      }
      await failTimes(THRESHOLD - 2, unknown);
      expect((await login(unknown, 'Wrong-passw0rd')).status).toBe(401);
    });

    it('never expires an admin lock, nor a lock without a reason', async () => {
      const byAdmin = await newUser();
      const bare = await newUser();
      await t.app.get(UserLocksService).lockByAdmin(byAdmin.id, 'admin-1');
      await sql(t, `UPDATE users SET "isLocked" = true, "lockedAt" = CURRENT_TIMESTAMP WHERE id = '${bare.id}'`);
      await clockPasses(Date.now() + DURATION_MS);
      for (const u of [byAdmin, bare]) {
        const res = await login(u.email, u.password);
        expect(res.status).toBe(423);
        expect((await row(u.email)).isLocked).toBe(true);
      }
      expect(await events(byAdmin.id, 'account.unlocked')).toEqual([]);
    });
  });
});
