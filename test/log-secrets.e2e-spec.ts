import { join } from 'node:path';
import { UserSyncService } from '../src/users/user-sync.service';
import { describeEachDatabase } from './support/databases';
import { confirmEnrolment, firstStep, mfaSignIn, startEnrolment } from './support/mfa';
import { CLIENT, SYSTEM_CTX } from './support/seed';
import { bearer, passwordSignIn, refresh } from './support/sessions';
import { emlFiles, readEml } from './support/outbox';
import { eventually } from './support/poll';
import { forgotPassword, resetPassword, verifyEmail } from './support/self-service';
import { linkToken } from './support/smtp';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import { TotpDevice } from './support/totp';
import { putUser } from './support/users';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  route?: string | null;
  statusCode?: number;
  durationMs?: number;
}

/** Every line written while this file runs: one array for the whole file, which both database blocks write to. */
const raw: string[] = [];

/**
 * A whole flow with logging at its most verbose, every line captured, then searched for each secret the flow used.
 */
describeEachDatabase('logs', (kind) => {
  const lines = () => raw.map((l) => JSON.parse(l) as LogLine);
  const PASSWORD = 'Sup3r-Secret-Passw0rd!';
  const NEW_PASSWORD = 'N3w-Secret-Passw0rd!';
  const secrets: Record<string, string> = {
    password: PASSWORD,
    newPassword: NEW_PASSWORD,
    clientSecret: CLIENT.clientSecret,
    xUserCtx: SYSTEM_CTX,
    dataEncryptionKey: process.env.DATA_ENCRYPTION_KEY!,
  };
  const recoveryCodes: string[] = [];
  const requestIds: string[] = [];

  // REFRESH_REUSE_INTERVAL=0: replaying the rotated-out refresh token is a reuse at once (the path that logs a warning).
  // Mails as .eml files in a folder of this block's own, whose links the flow then follows.
  const outbox = join(process.env.GATEHOUSE_TEST_TMP ?? '/tmp', `outbox-logs-${kind.name}`);
  const t = useTestApp(kind, { LOG_LEVEL: 'trace', REFRESH_REUSE_INTERVAL: '0', MAIL_OUTBOX_DIR: outbox }, { app: { logger: undefined, logDestination: { write: (s: string) => void raw.push(s) } } });
  beforeAll(async () => {
    const record = (res: { headers: Record<string, unknown> }) => requestIds.push(String(res.headers['x-request-id']));

    const sync = await putUser(t, { email: 'logged@example.test', username: 'logged', password: PASSWORD });
    expect(sync.status).toBe(200);
    record(sync);
    const login = await passwordSignIn(t, 'logged@example.test', PASSWORD).set('cookie', `session=${PASSWORD}`);
    expect(login.status).toBe(200);
    record(login);
    secrets.accessToken = login.body.accessToken as string;
    secrets.refreshToken = login.body.refreshToken as string;
    const me = await t.http().get('/api/users/me?access_token=' + secrets.accessToken).set('authorization', `Bearer ${secrets.accessToken}`);
    expect(me.status).toBe(200);
    record(me);
    const failed = await passwordSignIn(t, 'logged@example.test', `${PASSWORD}-wrong`);
    expect(failed.status).toBe(401);
    record(failed);
    const bad = await putUser(t, { email: 'not-an-email', password: PASSWORD, unknown: PASSWORD });
    expect(bad.status).toBe(400);
    record(bad);
    const malformed = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(`{"clientSecret":"${CLIENT.clientSecret}","password":"${PASSWORD}"`);
    expect(malformed.status).toBe(400);
    record(malformed);
    const spy = jest.spyOn(t.app.get(UserSyncService), 'sync').mockRejectedValueOnce(new Error('unexpected failure'));
    const crash = await t.http().put(`/api/users?access_token=${secrets.accessToken}`).set('x-user-ctx', SYSTEM_CTX).send({ email: 'crash@example.test', password: PASSWORD });
    spy.mockRestore();
    expect(crash.status).toBe(500);
    record(crash);
    const rotated = await refresh(t, secrets.refreshToken);
    expect(rotated.status).toBe(200);
    record(rotated);
    secrets.rotatedRefreshToken = rotated.body.refreshToken as string;
    const reused = await refresh(t, secrets.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('refresh_token_reused');
    record(reused);

    // The e-mail links: a verification link and a reset link, read from the outbox, then followed.
    const first = await passwordSignIn(t, 'logged@example.test', PASSWORD);
    record(first);
    const linkFrom = async (n: number, path: string) => linkToken(await readEml((await eventually(() => emlFiles(outbox), (f) => f.length >= n))[n - 1]), path)!;
    record(await t.http().post('/api/users/me/email/verification').set('authorization', `Bearer ${first.body.accessToken}`));
    secrets.verificationToken = await linkFrom(1, '/verify-email');
    record(await verifyEmail(t, secrets.verificationToken));
    record(await forgotPassword(t, 'logged@example.test'));
    secrets.resetToken = await linkFrom(2, '/reset-password');
    const reset = await resetPassword(t, secrets.resetToken, NEW_PASSWORD);
    expect(reset.status).toBe(200);
    record(reset);

    // Two-factor sign-in: enrolment, both steps (a recovery code, a wrong TOTP code), a new set of recovery codes.
    const session = await passwordSignIn(t, 'logged@example.test', NEW_PASSWORD);
    record(session);
    const enrol = await startEnrolment(t, session.body.accessToken);
    expect(enrol.status).toBe(200);
    record(enrol);
    secrets.totpSecret = enrol.body.secret as string;
    const device = new TotpDevice(secrets.totpSecret);
    const confirmed = await confirmEnrolment(t, session.body.accessToken, { code: device.next(), password: NEW_PASSWORD });
    expect(confirmed.status).toBe(200);
    record(confirmed);
    recoveryCodes.push(...(confirmed.body.recoveryCodes as string[]));
    secrets.mfaToken = await firstStep(t, { email: 'logged@example.test', password: NEW_PASSWORD });
    const secondStep = await mfaSignIn(t, secrets.mfaToken, recoveryCodes[0]);
    expect(secondStep.status).toBe(200);
    record(secondStep);
    const wrongCode = await mfaSignIn(t, secrets.mfaToken, device.wrong());
    expect(wrongCode.status).toBe(401);
    record(wrongCode);
    const replaced = await t.http().post('/api/users/me/2fa/recovery-codes').set('authorization', bearer(confirmed.body.accessToken)).send({ code: recoveryCodes[1] });
    expect(replaced.status).toBe(200);
    record(replaced);
    recoveryCodes.push(...(replaced.body.recoveryCodes as string[]));

    const [row] = await sql(t, `SELECT "passwordHash" FROM users WHERE email = 'logged@example.test'`);
    secrets.passwordHash = row.passwordHash as string;
    // Responses are logged when they finish; give the last onResponse hooks a turn.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('captured the flow (the test would be empty otherwise)', () => {
    expect(raw.length).toBeGreaterThanOrEqual(requestIds.length);
    expect(secrets.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(secrets.refreshToken).toEqual(expect.any(String));
    expect(secrets.rotatedRefreshToken).toEqual(expect.any(String));
    expect(secrets.rotatedRefreshToken).not.toBe(secrets.refreshToken);
    expect(secrets.verificationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(secrets.mfaToken).toMatch(/^[\w-]{43}$/);
  });

  it.each([
    'password', 'newPassword', 'passwordHash', 'accessToken', 'refreshToken', 'rotatedRefreshToken', 'clientSecret', 'xUserCtx',
    'verificationToken', 'resetToken', 'totpSecret', 'mfaToken', 'dataEncryptionKey',
  ])('never contains the %s', (name) => {
    const secret = secrets[name];
    const all = raw.join('\n');
    expect(all).not.toContain(secret);
    if (name === 'passwordHash') expect(all).not.toContain(secret.slice(-31)); // the hash proper, without the $2b$NN$ prefix
    if (name === 'accessToken') expect(all).not.toContain(secret.split('.')[2]); // its signature
  });

  it('never contains a recovery code, with or without its dashes', () => {
    const all = raw.join('\n');
    expect(recoveryCodes).toHaveLength(20);
    for (const code of recoveryCodes) {
      expect(all).not.toContain(code);
      expect(all).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('writes one request line per request with the id, method, route, status and duration', () => {
    const ours = new Set(requestIds);
    const requestLines = lines().filter((l) => (l.msg === 'request completed' || l.msg === 'request failed') && ours.has(l.reqId!));
    expect(requestLines.map((l) => l.reqId).sort()).toEqual([...requestIds].sort());
    const byId = new Map(requestLines.map((l) => [l.reqId, l]));
    expect(byId.get(requestIds[0])).toMatchObject({ method: 'PUT', route: '/api/users', statusCode: 200 });
    expect(byId.get(requestIds[2])).toMatchObject({ method: 'GET', route: '/api/users/me', statusCode: 200 });
    expect(byId.get(requestIds[3])).toMatchObject({ method: 'POST', route: '/api/auth/login', statusCode: 401 });
    expect(byId.get(requestIds[6])).toMatchObject({ method: 'PUT', statusCode: 500, msg: 'request failed' });
    for (const l of requestLines) expect(typeof l.durationMs).toBe('number');
  });

  it('logs the unexpected error with the request id the client was given, and the application logs go through pino too', () => {
    const crashId = requestIds[6];
    expect(lines().some((l) => l.reqId === crashId && l.msg.includes('unexpected failure') && l.level >= 50)).toBe(true);
    expect(lines().some((l) => l.msg.startsWith('Clients registered'))).toBe(true);
  });
});
