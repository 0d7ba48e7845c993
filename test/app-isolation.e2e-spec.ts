import { PasswordPolicy } from '../src/passwords/password-policy';
import { SQLITE } from './support/databases';
import { SYSTEM_CTX } from './support/seed';
import { startTestApp, TestApp } from './support/test-app';

interface RequestLine {
  msg: string;
  reqId?: string;
}

/**
 * Two applications in one process with different settings, as the e2e suites start them: what one was configured
 * with must never leak into the other, whichever started last. (Before, the password policy and the log destination
 * were module-level state, so the app started last won for both.)
 */
describe('two applications in one process', () => {
  const sqlite = SQLITE;
  let lenient: TestApp;
  let strict: TestApp;
  const logs: Record<'lenient' | 'strict', string[]> = { lenient: [], strict: [] };
  const sink = (name: 'lenient' | 'strict') => ({ write: (line: string) => void logs[name].push(line) });

  beforeAll(async () => {
    lenient = await startTestApp(sqlite, { PASSWORD_MIN_LENGTH: '8', LOG_LEVEL: 'info' }, { app: { logDestination: sink('lenient') } });
    strict = await startTestApp(sqlite, { PASSWORD_MIN_LENGTH: '12', LOG_LEVEL: 'info' }, { app: { logDestination: sink('strict') } });
  });
  afterAll(async () => {
    await strict?.close();
    await lenient?.close();
  });

  const sync = (t: TestApp, email: string, password: string) => t.http().put('/api/users').set('x-user-ctx', SYSTEM_CTX).send({ email, password });

  it('each applies its own PASSWORD_MIN_LENGTH', async () => {
    expect(lenient.app.get(PasswordPolicy).minLength).toBe(8);
    expect(strict.app.get(PasswordPolicy).minLength).toBe(12);

    const refused = await sync(strict, 'nine@example.test', 'ninechars');
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'password', reason: 'must be at least 12 characters' }]);
    // The lenient app, started first, still accepts it after the strict one started.
    expect((await sync(lenient, 'nine@example.test', 'ninechars')).status).toBe(200);
    const short = await sync(lenient, 'seven@example.test', 'sevench');
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([{ field: 'password', reason: 'must be at least 8 characters' }]);
    expect((await sync(strict, 'twelve@example.test', 'twelve-chars')).status).toBe(200);
  });

  it('each writes its request lines to its own log destination', async () => {
    const ids = { lenient: [] as string[], strict: [] as string[] };
    for (const name of ['lenient', 'strict', 'lenient'] as const) {
      const res = await (name === 'lenient' ? lenient : strict).http().get('/api/users/me');
      expect(res.status).toBe(401);
      ids[name].push(String(res.headers['x-request-id']));
    }
    // Responses are logged when they finish; give the last onResponse hook a turn.
    await new Promise((resolve) => setImmediate(resolve));
    const requestIds = (name: 'lenient' | 'strict') =>
      logs[name].map((l) => JSON.parse(l) as RequestLine).filter((l) => l.msg === 'request completed').map((l) => l.reqId);
    expect(requestIds('lenient')).toEqual(expect.arrayContaining(ids.lenient));
    expect(requestIds('strict')).toEqual(expect.arrayContaining(ids.strict));
    expect(requestIds('lenient')).not.toEqual(expect.arrayContaining([ids.strict[0]]));
    expect(requestIds('strict')).not.toEqual(expect.arrayContaining([ids.lenient[0]]));
  });
});
