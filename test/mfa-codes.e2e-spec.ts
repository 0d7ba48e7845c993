import { auditOf } from './support/audit';
import { describeEachDatabase } from './support/databases';
import { firstStep, mfaSignIn, newTwoFactorUser, TwoFactorUser } from './support/mfa';
import { clockPasses } from './support/poll';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { codeAt, stepNow } from './support/totp';

/** The statuses of responses, sorted: for races, where which request wins is not the point. */
const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();

/**
 * The codes of the second step: TOTP codes (wrong, reused, too old or too new, concurrent) and recovery codes
 * (single use), computed by the tests' own RFC 6238 implementation (test/support/totp.ts).
 */
describeEachDatabase('two-factor codes', (kind) => {
  const t = useTestApp(kind);
  /**
   * A request whose code depends on the current step, asked again (once) if the step changed while it ran: a code one
   * step behind must not turn into one two steps behind on the way.
   */
  const atOneStep = async <T>(request: (now: number) => Promise<T>): Promise<T> => {
    const now = stepNow();
    const res = await request(now);
    return stepNow() === now ? res : request(stepNow());
  };
  /** Moves the user's last accepted step back, as if their last code were long ago (drift tests need room). */
  const lastUsedStepLongAgo = (user: TwoFactorUser) => sql(t, `UPDATE user_totp SET "lastUsedStep" = ${stepNow() - 10} WHERE "userId" = '${user.id}'`);

  describe('TOTP codes', () => {
    it('refuses a wrong code with 401 invalid_mfa_code; the mfaToken still takes the right one', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);
      const wrong = await mfaSignIn(t, mfaToken, user.device.wrong());
      expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_mfa_code']);
      expect((await mfaSignIn(t, mfaToken, user.device.next())).status).toBe(200);
    });

    it('accepts a code once: the same code again is refused (reused_code in the audit trail)', async () => {
      const user = await newTwoFactorUser(t);
      const code = user.device.next();
      expect((await mfaSignIn(t, await firstStep(t, user), code)).status).toBe(200);

      const again = await mfaSignIn(t, await firstStep(t, user), code);

      expect([again.status, again.body.code]).toEqual([401, 'invalid_mfa_code']);
      expect(await auditOf(t, user.id)).toContainEqual({ type: 'mfa.challenge_failed', actorId: null, details: { method: 'totp', reason: 'reused_code', context: 'sign_in' } });
    });

    it('refuses the code of the enrolment confirmation, and any code older than the last accepted one, even within the drift', async () => {
      const user = await newTwoFactorUser(t);
      const confirmed = user.device.lastStep!;
      const refused = await mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, confirmed));
      expect(refused.status).toBe(401);
      expect((await mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, confirmed + 1))).status).toBe(200);
      expect((await mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, confirmed))).status).toBe(401);
    });

    it('accepts one step of clock drift either way, and refuses expired codes (two steps old or more) and codes further ahead', async () => {
      const user = await newTwoFactorUser(t);
      await lastUsedStepLongAgo(user);
      const now = stepNow();
      for (const step of [now - 3, now - 2, now + 3]) {
        const res = await mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, step));
        expect([step - now, res.status, res.body.code]).toEqual([step - now, 401, 'invalid_mfa_code']);
      }
      const behind = await atOneStep(async (now) => mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, now - 1)));
      expect(behind.status).toBe(200);
      const ahead = await atOneStep(async (now) => mfaSignIn(t, await firstStep(t, user), codeAt(user.device.secret, now + 1)));
      expect(ahead.status).toBe(200);
    });

    it('lets only one of two concurrent sign-ins with the same code through (two mfaTokens)', async () => {
      const user = await newTwoFactorUser(t);
      const [a, b] = [await firstStep(t, user), await firstStep(t, user)];
      const code = user.device.next();

      const responses = await Promise.all([mfaSignIn(t, a, code), mfaSignIn(t, b, code)]);

      expect(statuses(responses)).toEqual([200, 401]);
      expect(responses.find((r) => r.status === 401)!.body.code).toBe('invalid_mfa_code');
    });

    it('lets only one of two concurrent requests with one mfaToken and one code through', async () => {
      const user = await newTwoFactorUser(t);
      const mfaToken = await firstStep(t, user);
      const code = user.device.next();

      const responses = await Promise.all([mfaSignIn(t, mfaToken, code), mfaSignIn(t, mfaToken, code)]);

      expect(statuses(responses)).toEqual([200, 401]);
    });
  });

  describe('recovery codes', () => {
    it('signs in once with each code (any case, with or without dashes), audited with the codes left', async () => {
      const user = await newTwoFactorUser(t);
      const [code] = user.recoveryCodes;

      const res = await mfaSignIn(t, await firstStep(t, user), code.toUpperCase().replace(/-/g, ''));

      expect(res.status).toBe(200);
      const events = await auditOf(t, user.id);
      expect(events).toContainEqual({ type: 'mfa.recovery_code_used', actorId: null, details: { remaining: 9 } });
      expect(events).toContainEqual({ type: 'login.succeeded', actorId: null, details: { method: 'password', secondFactor: 'recovery_code' } });
      const again = await mfaSignIn(t, await firstStep(t, user), code);
      expect([again.status, again.body.code]).toEqual([401, 'invalid_mfa_code']);
      expect((await mfaSignIn(t, await firstStep(t, user), user.recoveryCodes[1])).status).toBe(200);
    });

    it("refuses another user's recovery code", async () => {
      const [user, other] = [await newTwoFactorUser(t), await newTwoFactorUser(t)];
      const res = await mfaSignIn(t, await firstStep(t, user), other.recoveryCodes[0]);
      expect([res.status, res.body.code]).toEqual([401, 'invalid_mfa_code']);
      expect((await mfaSignIn(t, await firstStep(t, other), other.recoveryCodes[0])).status).toBe(200);
    });

    it('lets only one of two concurrent sign-ins with the same recovery code through', async () => {
      const user = await newTwoFactorUser(t);
      const [a, b] = [await firstStep(t, user), await firstStep(t, user)];

      const responses = await Promise.all([mfaSignIn(t, a, user.recoveryCodes[0]), mfaSignIn(t, b, user.recoveryCodes[0])]);

      expect(statuses(responses)).toEqual([200, 401]);
    });
  });
});

/** MFA_CHALLENGE_TTL, shortened: an mfaToken used after it is refused, and the code is not spent on it. */
describeEachDatabase('two-factor mfaToken lifetime', (kind) => {
  const TTL_MS = 300;
  const t = useTestApp(kind, { MFA_CHALLENGE_TTL: `${TTL_MS}ms` });

  it('refuses an mfaToken after MFA_CHALLENGE_TTL', async () => {
    const user = await newTwoFactorUser(t);
    const mfaToken = await firstStep(t, user);
    await clockPasses(Date.now() + TTL_MS);

    const res = await mfaSignIn(t, mfaToken, user.recoveryCodes[0]);

    expect([res.status, res.body.code]).toEqual([401, 'invalid_mfa_token']);
    const [row] = await sql<{ n: number | string }>(t, `SELECT COUNT(*) AS n FROM recovery_codes WHERE "userId" = '${user.id}' AND "usedAt" IS NULL`);
    expect(Number(row.n)).toBe(10);
  });
});
