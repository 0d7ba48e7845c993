import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyRequest } from 'fastify';
import { sign, SignOptions } from 'jsonwebtoken';
import { ClientsService } from '../../clients/clients.service';
import { AuthConfig } from '../../config/auth.config';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { ISSUED_AT_LEEWAY_SECONDS, JwtStrategy } from './jwt.strategy';
import { SigningKeys } from './signing-keys';
import { VerifiedTokenCache } from './verified-token-cache';

const ISSUER = 'https://gatehouse.test';
const AUDIENCE = 'gatehouse';
const now = () => Math.floor(Date.now() / 1000);

/** Made once for the file: an RSA key takes long to generate on a busy machine. */
const dir = mkdtempSync(join(tmpdir(), 'jwt-strategy-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

async function setup(userFields: Partial<User> = {}) {
  const keys = await SigningKeys.load({ privateKeyFiles: [keyFile], keysDir: join(dir, 'unused') } as unknown as AuthConfig);
  const user = Object.assign(new User(), { id: '42', isActive: true, isLocked: false, lockReason: null, tokenGeneration: 1, ...userFields });
  const findForTokenCheck = jest.fn(async (id: string) => (id === user.id ? user : null));
  const auth = { issuer: ISSUER, defaultAudience: AUDIENCE, accessTokenCacheSize: 100 } as AuthConfig;
  const cache = new VerifiedTokenCache(auth);
  const clients = { knownClientIds: () => ['web'] } as unknown as ClientsService;
  const strategy = new JwtStrategy(keys, clients, auth, { findForTokenCheck } as unknown as UsersService, cache);
  /** A token as the service issues it (RS256, our kid, iss, aud, exp, iat, gen), with `claims` and `options` changed. */
  const token = (claims: object = {}, options: SignOptions = {}) => {
    // A claim given as undefined is left out.
    const payload = Object.fromEntries(Object.entries({ sub: '42', gen: 1, ...claims }).filter(([, v]) => v !== undefined));
    const signOptions: SignOptions = { algorithm: 'RS256', keyid: keys.current.kid, issuer: ISSUER, audience: AUDIENCE, expiresIn: 300, ...options };
    if (options.expiresIn === undefined && 'expiresIn' in options) delete signOptions.expiresIn;
    return sign(payload, keys.current.privateKey, signOptions);
  };
  const check = (bearer: string) => strategy.check({ headers: { authorization: `Bearer ${bearer}` } } as FastifyRequest);
  /** The message of the 401 `bearer` gets, or 'accepted'. */
  const outcome = (bearer: string) =>
    check(bearer).then(
      () => 'accepted',
      (e: { getStatus(): number; message: string }) => `${e.getStatus()} ${e.message}`,
    );
  return { strategy, keys, user, token, check, outcome, cache, findForTokenCheck };
}

describe('JwtStrategy', () => {
  it('accepts a token of ours for the default audience or a known client, and answers its user and claims', async () => {
    const { token, check, user, outcome, findForTokenCheck } = await setup();
    const bearer = await check(token());
    expect(bearer.user).toBe(user);
    expect(bearer.claims).toMatchObject({ sub: '42', gen: 1, iss: ISSUER, aud: AUDIENCE });
    expect(findForTokenCheck).toHaveBeenCalledWith('42', 1);
    expect(await outcome(token({}, { audience: 'web' }))).toBe('accepted');
    expect(await outcome(token({}, { audience: 'someone-else' }))).toMatch(/^401/);
    expect(await outcome(token({}, { issuer: 'https://elsewhere.test' }))).toMatch(/^401/);
  });

  it('refuses a token not signed by a key of ours, or naming no key', async () => {
    const { token, outcome, keys } = await setup();
    const foreign = sign({ sub: '42', gen: 1 }, otherKey, { algorithm: 'RS256', keyid: 'unknown', issuer: ISSUER, audience: AUDIENCE, expiresIn: 300 });
    expect(await outcome(foreign)).toBe('401 The token was not signed by a key of this service');
    const noKid = sign({ sub: '42', gen: 1 }, keys.current.privateKey, { algorithm: 'RS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: 300 });
    expect(await outcome(noKid)).toBe('401 The token was not signed by a key of this service');
    const [, payload, signature] = token().split('.');
    expect(await outcome(`bm90IGpzb24.${payload}.${signature}`)).toBe('401 The token was not signed by a key of this service');
    const numericKid = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 7 })).toString('base64url')}.${payload}.${signature}`;
    expect(await outcome(numericKid)).toBe('401 The token was not signed by a key of this service');
  });

  it('refuses a genuine token without exp or iat, or issued beyond the leeway in the future', async () => {
    const { token, outcome } = await setup();
    expect(await outcome(token({}, { expiresIn: undefined }))).toBe('401 The token has no expiry (exp) or issue time (iat)');
    expect(await outcome(token({}, { noTimestamp: true }))).toBe('401 The token has no expiry (exp) or issue time (iat)');
    expect(await outcome(token({ iat: now() + ISSUED_AT_LEEWAY_SECONDS + 5 }))).toBe('401 The token was issued in the future (iat)');
    expect(await outcome(token({ iat: now() + ISSUED_AT_LEEWAY_SECONDS - 5 }))).toBe('accepted');
    expect(await outcome(token({}, { expiresIn: -1 }))).toMatch(/^401/);
  });

  it.each<[string, Partial<User>]>([
    ['disabled', { isActive: false }],
    ['locked by an admin', { isLocked: true, lockReason: 'admin' }],
  ])('refuses the token of a user %s', async (_what, fields) => {
    const { token, outcome } = await setup(fields);
    expect(await outcome(token())).toBe('401 The user of this token can no longer sign in');
  });

  it('refuses the token of a deleted user, and accepts that of a user locked by failed passwords (sessions go on)', async () => {
    expect(await (await setup()).outcome((await setup()).token({ sub: '43' }))).toMatch(/^401/);
    const deleted = await setup();
    expect(await deleted.outcome(deleted.token({ sub: '43' }))).toBe('401 The user of this token can no longer sign in');
    const locked = await setup({ isLocked: true, lockReason: 'failed_logins' });
    expect(await locked.outcome(locked.token())).toBe('accepted');
  });

  it('refuses a token of another generation; a token without gen is of generation 0', async () => {
    const { token, outcome, findForTokenCheck } = await setup();
    expect(await outcome(token({ gen: 0 }))).toBe('401 This session has been revoked; sign in again');
    expect(await outcome(token({ gen: 2 }))).toBe('401 This session has been revoked; sign in again');
    expect(await outcome(token({ gen: undefined }))).toBe('401 This session has been revoked; sign in again');
    expect(findForTokenCheck).toHaveBeenLastCalledWith('42', 0);
    const first = await setup({ tokenGeneration: 0 });
    expect(await first.outcome(first.token({ gen: undefined }))).toBe('accepted');
  });

  it('remembers a verified token, and still applies the user checks when it comes again', async () => {
    const { token, check, outcome, cache, user } = await setup();
    const bearer = token();
    expect(cache.get(bearer)).toBeUndefined();
    await check(bearer);
    expect(cache.get(bearer)).toMatchObject({ sub: '42' });
    await expect(check(bearer)).resolves.toMatchObject({ user, claims: { sub: '42' } });
    user.tokenGeneration = 2;
    expect(await outcome(bearer)).toBe('401 This session has been revoked; sign in again');
    expect(await outcome('')).toMatch(/^401/);
  });

  it('accepts iat exactly at the leeway in the future, and refuses one second more', async () => {
    const { token, outcome } = await setup();
    jest.useFakeTimers({ now: 1_700_000_000_500, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      expect(await outcome(token({ iat: 1_700_000_000 + ISSUED_AT_LEEWAY_SECONDS }))).toBe('accepted');
      expect(await outcome(token({ iat: 1_700_000_001 + ISSUED_AT_LEEWAY_SECONDS }))).toBe('401 The token was issued in the future (iat)');
    } finally {
      jest.useRealTimers();
    }
  });
});

