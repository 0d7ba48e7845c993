import * as jose from 'jose';
import { GoogleIdTokenVerifier } from './google-id-token.verifier';
import { GoogleTokenError } from './google-token.error';

// Only the JWKS factory is watched: what the verifier asks of it is what bounds its traffic to Google's key server.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof jose>('jose');
  return { ...actual, createRemoteJWKSet: jest.fn(actual.createRemoteJWKSet), jwtVerify: jest.fn(actual.jwtVerify) };
});
const createRemoteJWKSet = jose.createRemoteJWKSet as jest.MockedFunction<typeof jose.createRemoteJWKSet>;
const jwtVerify = jose.jwtVerify as jest.MockedFunction<typeof jose.jwtVerify>;
const { errors } = jose;

/** An RS256 compact JWS naming a kid: it passes the checks made before any key is fetched. */
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const SHAPED = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({ sub: '1' })}.c2ln`;
const verifier = () => new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'] });
const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (e: GoogleTokenError) => e.reason);
/** The GoogleTokenError a refusal rejects with (a test fails if the token is accepted or something else is thrown). */
async function errorOf(promise: Promise<unknown>): Promise<GoogleTokenError & { cause?: unknown }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GoogleTokenError);
  return error as GoogleTokenError & { cause?: unknown };
}

describe('GoogleIdTokenVerifier: the key set it configures', () => {
  beforeEach(() => createRemoteJWKSet.mockClear());

  it('uses the configured cool-down, timeout and cache age', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'], cooldownMs: 1234, timeoutMs: 567, cacheMaxAgeMs: 89 });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(new URL('http://127.0.0.1:9/certs'), { cooldownDuration: 1234, timeoutDuration: 567, cacheMaxAge: 89 });
  });

  it('defaults to a 30 s cool-down, a 5 s timeout and keys kept 10 minutes', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'] });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(expect.any(URL), { cooldownDuration: 30_000, timeoutDuration: 5_000, cacheMaxAge: 600_000 });
  });

  it('keeps a configured 0 (no cool-down) rather than the default', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'], cooldownMs: 0, timeoutMs: 0, cacheMaxAgeMs: 0 });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(expect.any(URL), { cooldownDuration: 0, timeoutDuration: 0, cacheMaxAge: 0 });
  });
});

describe('GoogleIdTokenVerifier: the reason code of each refusal', () => {
  afterEach(() => jwtVerify.mockReset().mockImplementation(jest.requireActual<typeof jose>('jose').jwtVerify));
  const claim = (claimName: string, reason: string) => new errors.JWTClaimValidationFailed('claim', {}, claimName, reason);

  it.each<[string, Error, string]>([
    ['an expired token', new errors.JWTExpired('exp', {}, 'exp', 'check_failed'), 'expired'],
    ['a missing claim', claim('sub', 'missing'), 'claims_invalid'],
    ['another audience', claim('aud', 'check_failed'), 'wrong_audience'],
    ['another issuer', claim('iss', 'check_failed'), 'wrong_issuer'],
    ['nbf in the future', claim('nbf', 'check_failed'), 'not_yet_valid'],
    ['iat in the future', claim('iat', 'check_failed'), 'not_yet_valid'],
    ['an nbf that is no number', claim('nbf', 'invalid'), 'claims_invalid'],
    ['an iat that is no number', claim('iat', 'invalid'), 'claims_invalid'],
    ['another claim', claim('exp', 'invalid'), 'claims_invalid'],
    ['a bad signature', new errors.JWSSignatureVerificationFailed(), 'bad_signature'],
    ['an algorithm jose refuses', new errors.JOSEAlgNotAllowed('alg'), 'unsupported_alg'],
    ['an unsupported crit header', new errors.JOSENotSupported('crit'), 'malformed'],
    ['anything else', new TypeError('boom'), 'malformed'],
  ])('names %s', async (_what, error, reason) => {
    jwtVerify.mockRejectedValueOnce(error);
    expect(await reasonOf(verifier().verify(SHAPED))).toBe(reason);
  });

  // The reason code is what the client gets; the error underneath is what tells whoever reads the logs which check
  // failed (which claim, why) or why Google's key server could not be used: it is kept as the cause.
  it('keeps the error jose refused the token with as the cause', async () => {
    const refusal = claim('aud', 'check_failed');
    jwtVerify.mockRejectedValueOnce(refusal);
    const error = await errorOf(verifier().verify(SHAPED));
    expect(error.reason).toBe('wrong_audience');
    expect(error.cause).toBe(refusal);
  });

  it('keeps the message of what jose refused, and the reason when the refusal is no Error', async () => {
    jwtVerify.mockRejectedValueOnce(claim('aud', 'check_failed'));
    await expect(verifier().verify(SHAPED)).rejects.toMatchObject({ reason: 'wrong_audience', message: 'claim' });
    jwtVerify.mockRejectedValueOnce('a string');
    await expect(verifier().verify(SHAPED)).rejects.toMatchObject({ reason: 'malformed', message: 'malformed' });
  });

  it.each<[string, Error, string]>([
    ['no key with the kid', new errors.JWKSNoMatchingKey(), 'unknown_key'],
    ['several keys with the kid', new errors.JWKSMultipleMatchingKeys(), 'unknown_key'],
    ['a key server that failed', new TypeError('fetch failed'), 'keys_unavailable'],
    ['a key server that timed out', new errors.JWKSTimeout(), 'keys_unavailable'],
  ])('names a key lookup that found %s, and keeps what the key set threw as the cause (logged by the strategy)', async (_what, error, reason) => {
    createRemoteJWKSet.mockReturnValueOnce((async () => {
      throw error;
    }) as unknown as ReturnType<typeof jose.createRemoteJWKSet>);
    const refused = await errorOf(verifier().verify(SHAPED));
    expect(refused.reason).toBe(reason);
    expect(refused.cause).toBe(error);
  });
});

describe('GoogleIdTokenVerifier: what is refused before any key is fetched', () => {
  const headerOnly = (header: object) => `${b64(header)}.${b64({ sub: '1' })}.c2ln`;

  it.each<[string, unknown, string]>([
    ['no token at all', undefined, 'malformed'],
    ['a header that is not JSON', 'bm90IGpzb24.e30.c2ln', 'malformed'],
    // Five segments are an encrypted token (JWE): not a signed one, whatever its header names.
    ['an encrypted token (five segments)', `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'k1' })}.a.b.c.d`, 'malformed'],
    ['alg none', headerOnly({ alg: 'none', kid: 'k1' }), 'unsupported_alg'],
    // The classic forgeries name no key: the algorithm is refused first, and named as the reason.
    ['alg none without a kid', headerOnly({ alg: 'none' }), 'unsupported_alg'],
    ['HS256', headerOnly({ alg: 'HS256', kid: 'k1' }), 'unsupported_alg'],
    ['HS256 without a kid', headerOnly({ alg: 'HS256' }), 'unsupported_alg'],
    ['no alg', headerOnly({ kid: 'k1' }), 'unsupported_alg'],
    ['an empty kid', headerOnly({ alg: 'RS256', kid: '' }), 'malformed'],
    ['a kid that is no string', headerOnly({ alg: 'RS256', kid: 7 }), 'malformed'],
  ])('%s', async (_what, token, reason) => {
    const keys = jest.fn();
    createRemoteJWKSet.mockReturnValueOnce(keys as unknown as ReturnType<typeof jose.createRemoteJWKSet>);
    expect(await reasonOf(verifier().verify(token as string))).toBe(reason);
    expect(keys).not.toHaveBeenCalled();
  });

  it('keeps the error of a header that cannot be decoded as the cause', async () => {
    const error = await errorOf(verifier().verify('bm90IGpzb24.e30.c2ln'));
    expect(error.reason).toBe('malformed');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('GoogleIdTokenVerifier: iat in the future', () => {
  afterEach(() => {
    jest.useRealTimers();
    jwtVerify.mockReset().mockImplementation(jest.requireActual<typeof jose>('jose').jwtVerify);
  });

  it('accepts iat up to the clock tolerance ahead, and refuses one second more', async () => {
    jest.useFakeTimers({ now: 1_700_000_000_500, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const payload = (iat: number) => ({ sub: '1', aud: 'a', iat, email: 'ada@example.com', email_verified: true });
    const verified = (iat: number) => ({ payload: payload(iat), protectedHeader: { alg: 'RS256' } }) as unknown as Awaited<ReturnType<typeof jose.jwtVerify>>;
    jwtVerify.mockResolvedValueOnce(verified(1_700_000_060));
    expect(await reasonOf(verifier().verify(SHAPED))).toBe('accepted');
    jwtVerify.mockResolvedValueOnce(verified(1_700_000_061));
    expect(await reasonOf(verifier().verify(SHAPED))).toBe('not_yet_valid');
    const tolerant = new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'], clockToleranceSeconds: 5 });
    jwtVerify.mockResolvedValueOnce(verified(1_700_000_006));
    expect(await reasonOf(tolerant.verify(SHAPED))).toBe('not_yet_valid');
    expect(jwtVerify).toHaveBeenLastCalledWith(SHAPED, expect.any(Function), expect.objectContaining({ clockTolerance: 5, algorithms: ['RS256'] }));
  });
});

