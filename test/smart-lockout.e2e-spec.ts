import { LockoutService } from '../src/lockout/lockout.service';
import { UserLocksService } from '../src/users/user-locks.service';
import { describeEachDatabase } from './support/databases';
import { asCookie, asHeader, Client, clientAt, clientsAt, deviceCookie } from './support/devices';
import { RawResponse } from './support/http-from';
import { deleteKeys, describeWithRedis, randomKeyPrefix } from './support/redis';
import { listen, useTestApp } from './support/test-app';
import { twoInstances } from './support/two-instances';
import { newUser, TestUser } from './support/users';

const THRESHOLD = 3;
/** Locks that outlast every test: none of these waits for a lock to end (lockout.e2e-spec does). */
const ENV = { LOCKOUT_THRESHOLD: String(THRESHOLD), LOCKOUT_WINDOW: '1h', LOCKOUT_DURATION: '1h' };

/** Attackers, each at its own loopback address (127.0.0.2 and up), typing wrong passwords until the threshold. */
async function lockOut(attackers: Client[], who: string): Promise<void> {
  for (let i = 0; i < THRESHOLD; i++) {
    const res = await attackers[i % attackers.length].login(who, `Wrong-guess-${i}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
  }
}

/** A sign-in that must succeed, and the device credential it handed out (the same in the body and the cookie). */
async function signInOn(client: Client, user: TestUser, headers: Record<string, string> = {}): Promise<{ res: RawResponse; device: string }> {
  const res = await client.login(user.email, user.password, headers);
  expect(res.status).toBe(200);
  const device = res.body.deviceToken as string;
  expect(device).toEqual(expect.any(String));
  expect(deviceCookie(res)?.value).toBe(device);
  return { res, device };
}

const statusOf = async (res: Promise<RawResponse>) => (await res).status;

describeEachDatabase('smart lockout', (kind) => {
  const t = useTestApp(kind, ENV);
  let base: string;
  /** The owner's machine; the attackers are elsewhere. */
  const home = () => clientAt(base, '127.0.0.1');
  const attackers = () => clientsAt(base, 2, THRESHOLD);
  const owner = () => newUser(t, { prefix: 'owner', password: 'Owner-passw0rd' });
  beforeAll(async () => {
    base = await listen(t);
  });

  it('keeps a device that signed in before signing in while attackers elsewhere lock the account (finding 2)', async () => {
    const u = await owner();
    const { device } = await signInOn(home(), u);
    await lockOut(attackers(), u.email);
    // Locked for every client without a device credential, whatever the password: the attacker, and the owner on a
    // new browser.
    for (const client of [clientAt(base, '127.0.0.9'), home()]) {
      const res = await client.login(u.email, u.password);
      expect(res.status).toBe(423);
      expect(res.body.code).toBe('account_locked');
    }
    // The owner's device, by cookie (a browser) or by header (a client that keeps no cookies), renewed each time.
    const byCookie = await signInOn(home(), u, asCookie(device));
    const byHeader = await home().login(u.username, u.password, asHeader(byCookie.device));
    expect(byHeader.status).toBe(200);
  });

  it('never ends or pauses the sessions of the owner during an automatic lock: access token and refresh go on (finding 2)', async () => {
    const u = await owner();
    const { res } = await signInOn(home(), u);
    await lockOut(attackers(), u.email);
    expect(await statusOf(home().login(u.email, u.password))).toBe(423);
    expect(await statusOf(home().me(res.body.accessToken as string))).toBe(200);
    const refreshed = await home().refresh(res.body.refreshToken as string);
    expect(refreshed.status).toBe(200);
    expect(await statusOf(home().me(refreshed.body.accessToken as string))).toBe(200);
  });

  it('hands out the credential as an HttpOnly, SameSite=Lax, long-lived cookie for the whole site, and as deviceToken', async () => {
    const u = await owner();
    const { res } = await signInOn(home(), u);
    const cookie = deviceCookie(res)!;
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    const maxAge = Number(cookie.attributes.find((a) => a.startsWith('Max-Age='))?.slice('Max-Age='.length));
    expect(maxAge).toBeGreaterThanOrEqual(90 * 24 * 3600);
    // Bound to the user, not a secret of theirs: it names no e-mail and is no access or refresh token.
    expect(cookie.value).not.toContain(u.email);
    expect([res.body.accessToken, res.body.refreshToken]).not.toContain(cookie.value);
  });

  it("gives each device its own budget: a device's wrong passwords lock that device only, never the account", async () => {
    const u = await owner();
    const { device: laptop } = await signInOn(home(), u);
    const { device: phone } = await signInOn(clientAt(base, '127.0.0.20'), u);
    for (let i = 0; i < THRESHOLD; i++) expect(await statusOf(home().login(u.email, `Mistyped-${i}`, asCookie(laptop)))).toBe(401);
    expect(await statusOf(home().login(u.email, u.password, asCookie(laptop)))).toBe(423);
    // The account's budget for clients without a device credential was not spent, nor the phone's.
    expect(await statusOf(clientAt(base, '127.0.0.21').login(u.email, u.password))).toBe(200);
    expect(await statusOf(clientAt(base, '127.0.0.20').login(u.email, u.password, asHeader(phone)))).toBe(200);
  });

  it("treats a forged, altered or another user's device credential as none", async () => {
    const u = await owner();
    const other = await newUser(t, { prefix: 'other' });
    const { device } = await signInOn(home(), u);
    const { device: othersDevice } = await signInOn(clientAt(base, '127.0.0.30'), other);
    await lockOut(attackers(), u.email);
    const [payload, mac] = device.split('.');
    const [othersPayload] = othersDevice.split('.');
    const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${mac}`;
    for (const forged of [othersDevice, `${othersPayload}.${mac}`, flipped, 'made-up.token', 'x'.repeat(5000)]) {
      expect(await statusOf(clientAt(base, '127.0.0.9').login(u.email, u.password, asHeader(forged)))).toBe(423);
      expect(await statusOf(clientAt(base, '127.0.0.9').login(u.email, u.password, asCookie(forged)))).toBe(423);
    }
    expect(await statusOf(home().login(u.email, u.password, asCookie(device)))).toBe(200);
  });

  it('counts by account: username and e-mail share one count; successes and invalid requests never count', async () => {
    const u = await owner();
    const [a, b, c] = attackers();
    for (let i = 0; i < THRESHOLD + 2; i++) {
      expect(await statusOf(a.post('/api/auth/login', { type: 'password', clientId: 'client-app-id', clientSecret: 'client-app-secret', withPassword: { emailOrUsername: u.email } }))).toBe(400);
      expect(await statusOf(home().login(u.username, u.password))).toBe(200);
    }
    expect(await statusOf(a.login(u.email, 'Wrong-1'))).toBe(401);
    expect(await statusOf(b.login(u.username.toUpperCase(), 'Wrong-2'))).toBe(401);
    expect(await statusOf(c.login(` ${u.email.toUpperCase()} `, 'Wrong-3'))).toBe(401);
    expect(await statusOf(home().login(u.username, u.password))).toBe(423);
  });

  it('keeps the Orion answer exactly { user, token }: the credential travels as the cookie only, and is accepted back', async () => {
    const u = await owner();
    const first = await home().orionLogin(u.email, u.password);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['token', 'user']);
    const device = deviceCookie(first)!.value;
    await lockOut(attackers(), u.email);
    expect(await statusOf(home().orionLogin(u.email, u.password))).toBe(423);
    const again = await home().orionLogin(u.email, u.password, asCookie(device));
    expect(again.status).toBe(200);
    expect(Object.keys(again.body).sort()).toEqual(['token', 'user']);
  });

  it("forgets the user's devices when every session ends (a password change), renewing only the caller's", async () => {
    const u = await owner();
    const { res, device: laptop } = await signInOn(home(), u);
    const { device: phone } = await signInOn(clientAt(base, '127.0.0.20'), u);
    const changed = await home().post('/api/users/me/password', { currentPassword: u.password, newPassword: 'Changed-passw0rd' }, {
      authorization: `Bearer ${res.body.accessToken as string}`,
      ...asCookie(laptop),
    });
    expect(changed.status).toBe(200);
    const renewed = changed.body.deviceToken as string;
    expect(deviceCookie(changed)?.value).toBe(renewed);
    await lockOut(attackers(), u.email);
    for (const stale of [laptop, phone]) expect(await statusOf(home().login(u.email, 'Changed-passw0rd', asCookie(stale)))).toBe(423);
    expect(await statusOf(home().login(u.email, 'Changed-passw0rd', asCookie(renewed)))).toBe(200);
  });

  it('ends an automatic lock on request (the password reset), never an admin lock', async () => {
    const [open, held] = [await owner(), await owner()];
    for (const u of [open, held]) await lockOut(attackers(), u.email);
    await t.app.get(UserLocksService).lockByAdmin(held.id, 'admin-1');
    for (const u of [open, held]) await t.app.get(LockoutService).endAutomaticLock(u.id, {});
    expect(await statusOf(clientAt(base, '127.0.0.9').login(open.email, open.password))).toBe(200);
    expect(await statusOf(clientAt(base, '127.0.0.9').login(held.email, held.password))).toBe(423);
  });

  it('lets an admin lock, unlike the automatic one, refuse the device too', async () => {
    const u = await owner();
    const { device } = await signInOn(home(), u);
    await t.app.get(UserLocksService).lockByAdmin(u.id, 'admin-1');
    expect(await statusOf(home().login(u.email, u.password, asCookie(device)))).toBe(423);
  });

  describeWithRedis('two instances sharing Redis', (redisUrl) => {
    const prefix = randomKeyPrefix();
    const pair = twoInstances(kind, () => ({ ...ENV, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }));
    let bases: string[];
    beforeAll(async () => {
      bases = [await listen(pair.a), pair.b.url];
    });
    afterAll(() => deleteKeys(redisUrl, prefix));
    /** The attacker's requests alternate between the instances, each from another address. */
    const spread = () => Array.from({ length: THRESHOLD }, (_, i) => clientAt(bases[i % 2], `127.0.0.${2 + i}`));

    it('lock out clients without a device credential on both; the device signs in on either', async () => {
      const u = await newUser(pair.a, { prefix: 'pair', password: 'Pair-passw0rd' });
      const { device } = await signInOn(clientAt(bases[0], '127.0.0.1'), u);
      await lockOut(spread(), u.email);
      for (const b of bases) {
        expect(await statusOf(clientAt(b, '127.0.0.1').login(u.email, u.password))).toBe(423);
        expect(await statusOf(clientAt(b, '127.0.0.1').login(u.email, u.password, asCookie(device)))).toBe(200);
      }
    });

    it('lock an unknown identifier on both, as a real account', async () => {
      await lockOut(spread(), 'nobody-at-all@example.test');
      for (const b of bases) expect(await statusOf(clientAt(b, '127.0.0.9').login('nobody-at-all@example.test', 'Wrong-again'))).toBe(423);
    });
  });
});
