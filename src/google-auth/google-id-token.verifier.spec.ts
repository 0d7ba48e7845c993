import { randomUUID } from 'node:crypto';
import { CompactSign } from 'jose';
import {
  googleClaims,
  hs256IdToken,
  nowSeconds,
  signGoogleIdToken,
  TEST_GOOGLE_CLIENT_ID,
  unsignedIdToken,
} from '../../test/support/google-tokens';
import {
  generateSigningKey,
  startJwksServer,
  type JwksServer,
  type SigningKey,
} from '../../test/support/jwks-server';
import {
  GoogleIdTokenVerifier,
  type GoogleIdTokenVerifierOptions,
} from './google-id-token.verifier';
import { GoogleTokenError, isUnavailable } from './google-token.error';

describe('GoogleIdTokenVerifier', () => {
  let server: JwksServer;
  let key: SigningKey;

  beforeEach(async () => {
    server = await startJwksServer();
    key = await server.addKey();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await server.close();
  });

  function verifier(options: Partial<GoogleIdTokenVerifierOptions> = {}): GoogleIdTokenVerifier {
    return new GoogleIdTokenVerifier({
      jwksUri: server.url,
      clientIds: [TEST_GOOGLE_CLIENT_ID],
      ...options,
    });
  }

  describe('accepts', () => {
    it('a valid Google token and returns the profile', async () => {
      const token = await signGoogleIdToken(key, { hd: 'example.com' });

      await expect(verifier().verify(token)).resolves.toEqual({
        sub: '110169484474386276334',
        email: 'ada@example.com',
        emailVerified: true,
        name: 'Ada Lovelace',
        givenName: 'Ada',
        familyName: 'Lovelace',
        picture: 'https://lh3.googleusercontent.com/a/ada',
        hd: 'example.com',
      });
    });

    it('the issuer without scheme, email_verified as the string "true", and no optional fields', async () => {
      const token = await signGoogleIdToken(key, {
        iss: 'accounts.google.com',
        email_verified: 'true',
        name: undefined,
        given_name: undefined,
        family_name: undefined,
        picture: undefined,
      });

      await expect(verifier().verify(token)).resolves.toMatchObject({
        emailVerified: true,
        name: null,
        givenName: null,
        familyName: null,
        picture: null,
        hd: null,
      });
    });

    it('any of several configured client ids', async () => {
      const token = await signGoogleIdToken(key, { aud: 'android.apps.googleusercontent.com' });
      const v = verifier({ clientIds: [TEST_GOOGLE_CLIENT_ID, 'android.apps.googleusercontent.com'] });

      await expect(v.verify(token)).resolves.toMatchObject({ sub: '110169484474386276334' });
    });

    it('a token for several audiences whose azp is one of ours, and one audience whatever its azp (an Android client)', async () => {
      const several = await signGoogleIdToken(key, { aud: [TEST_GOOGLE_CLIENT_ID, 'someone-else.apps.googleusercontent.com'], azp: TEST_GOOGLE_CLIENT_ID });
      const single = await signGoogleIdToken(key, { azp: 'android-app.apps.googleusercontent.com' });

      await expect(verifier().verify(several)).resolves.toMatchObject({ sub: '110169484474386276334' });
      await expect(verifier().verify(single)).resolves.toMatchObject({ sub: '110169484474386276334' });
    });

    it('a token expired less than the 60 s leeway ago', async () => {
      const token = await signGoogleIdToken(key, { iat: nowSeconds() - 3630, exp: nowSeconds() - 30 });

      await expect(verifier().verify(token)).resolves.toMatchObject({ email: 'ada@example.com' });
    });

    it('keys cached from the first fetch for later tokens', async () => {
      const v = verifier();
      await expect(v.verify(await signGoogleIdToken(key))).resolves.toBeDefined();
      await expect(v.verify(await signGoogleIdToken(key, { sub: 'other' }))).resolves.toBeDefined();

      expect(server.requestCount).toBe(1);
    });
  });

  describe('key rotation', () => {
    it('accepts a token signed by a key published after the first fetch, after a refetch', async () => {
      const v = verifier({ cooldownMs: 0 });
      await expect(v.verify(await signGoogleIdToken(key))).resolves.toBeDefined();
      const rotated = await server.addKey();

      await expect(v.verify(await signGoogleIdToken(rotated))).resolves.toBeDefined();
      expect(server.requestCount).toBe(2);
    });

    it('does not refetch for a new kid during the cool-down, but does once it is over', async () => {
      const v = verifier({ cooldownMs: 30_000 });
      await expect(v.verify(await signGoogleIdToken(key))).resolves.toBeDefined();
      const rotated = await server.addKey();
      const token = await signGoogleIdToken(rotated);

      await expect(v.verify(token)).rejects.toMatchObject({ reason: 'unknown_key' });
      expect(server.requestCount).toBe(1);

      // Only jose's cool-down clock moves; token timestamps are checked with new Date().
      const realNow = Date.now.bind(Date);
      jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
      await expect(v.verify(token)).resolves.toBeDefined();
      expect(server.requestCount).toBe(2);
    });
  });

  describe('rejects', () => {
    it.each([
      ['an empty string', ''],
      ['a garbage string', 'not-a-jwt'],
      ['three garbage segments', 'abc.def.ghi'],
      ['a JWE-shaped string', 'a.b.c.d.e'],
    ])('%s as malformed, without fetching keys', async (_label, token) => {
      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'malformed' });
      expect(server.requestCount).toBe(0);
    });

    it('a correctly signed token whose payload is not a JSON object as malformed', async () => {
      const token = await new CompactSign(new TextEncoder().encode('not json'))
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'malformed' });
    });

    it('alg none, even naming a published kid, before fetching keys', async () => {
      const token = unsignedIdToken({}, { kid: key.kid });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'unsupported_alg' });
      expect(server.requestCount).toBe(0);
    });

    it('HS256, even naming a published kid, before fetching keys', async () => {
      const token = await hs256IdToken({}, { kid: key.kid });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'unsupported_alg' });
      expect(server.requestCount).toBe(0);
    });

    it('a token without kid as malformed', async () => {
      const token = await signGoogleIdToken(key, {}, { kid: undefined });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'malformed' });
    });

    it('a signature by an unpublished key that names a published kid', async () => {
      const impostor = await generateSigningKey(key.kid);
      const token = await signGoogleIdToken(impostor);

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'bad_signature' });
    });

    it('a token whose claims were altered after signing', async () => {
      const [header, , signature] = (await signGoogleIdToken(key)).split('.');
      const forged = Buffer.from(JSON.stringify(googleClaims({ email: 'eve@example.com' }))).toString(
        'base64url',
      );

      await expect(verifier().verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({
        reason: 'bad_signature',
      });
    });

    it('an unknown kid', async () => {
      const token = await signGoogleIdToken(await generateSigningKey());

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'unknown_key' });
    });

    it('a key removed from the JWKS once the keys are refetched', async () => {
      const v = verifier({ cooldownMs: 0, cacheMaxAgeMs: 0 });
      await expect(v.verify(await signGoogleIdToken(key))).resolves.toBeDefined();
      server.removeKey(key.kid);

      await expect(v.verify(await signGoogleIdToken(key))).rejects.toMatchObject({ reason: 'unknown_key' });
    });

    it('another client id as audience', async () => {
      const token = await signGoogleIdToken(key, { aud: 'someone-else.apps.googleusercontent.com' });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'wrong_audience' });
    });

    it.each([
      ['an azp that is not ours', { azp: 'someone-else.apps.googleusercontent.com' }],
      ['no azp', { azp: undefined }],
    ])('a token for several audiences (ours among them) with %s', async (_label, claims) => {
      const token = await signGoogleIdToken(key, { aud: [TEST_GOOGLE_CLIENT_ID, 'someone-else.apps.googleusercontent.com'], ...claims });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'wrong_authorized_party' });
    });

    it('another issuer', async () => {
      const token = await signGoogleIdToken(key, { iss: 'https://evil.example.com' });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'wrong_issuer' });
    });

    it('a token expired beyond the 60 s leeway', async () => {
      const token = await signGoogleIdToken(key, { iat: nowSeconds() - 3720, exp: nowSeconds() - 120 });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'expired' });
    });

    it('a token whose nbf is in the future beyond the leeway', async () => {
      const token = await signGoogleIdToken(key, { nbf: nowSeconds() + 600 });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'not_yet_valid' });
    });

    it('a token issued in the future beyond the leeway', async () => {
      const iat = nowSeconds() + 600;
      const token = await signGoogleIdToken(key, { iat, exp: iat + 3600 });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'not_yet_valid' });
    });

    // A missing aud or iss is a claim missing, not a token for another client or from another issuer.
    it.each(['exp', 'iat', 'sub', 'aud', 'iss'])('a token without %s as claims_invalid', async (claim) => {
      const token = await signGoogleIdToken(key, { [claim]: undefined });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'claims_invalid' });
    });

    it('a token without email', async () => {
      const token = await signGoogleIdToken(key, { email: undefined });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'email_missing' });
    });

    it.each([
      ['false', false],
      ['the string "false"', 'false'],
      ['absent', undefined],
      ['1', 1],
    ])('email_verified %s', async (_label, emailVerified) => {
      const token = await signGoogleIdToken(key, { email_verified: emailVerified });

      await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'email_unverified' });
    });

    it('every token when no client id is configured', async () => {
      const token = await signGoogleIdToken(key);

      await expect(verifier({ clientIds: [] }).verify(token)).rejects.toMatchObject({
        reason: 'not_configured',
      });
      await expect(verifier({ clientIds: [' '] }).verify(token)).rejects.toMatchObject({
        reason: 'not_configured',
      });
    });
  });

  describe('key server trouble', () => {
    it('reports keys_unavailable (503) when the key server is down', async () => {
      const token = await signGoogleIdToken(key);
      const v = verifier();
      await server.close();

      const error = await v.verify(token).catch((e: unknown) => e);
      server = await startJwksServer(); // for afterEach

      expect(error).toBeInstanceOf(GoogleTokenError);
      expect(error).toMatchObject({ reason: 'keys_unavailable', status: 503 });
      expect(isUnavailable(error)).toBe(true);
    });

    it.each(['http_500', 'invalid_json', 'hang'] as const)(
      'reports keys_unavailable when the key server answers %s',
      async (behaviour) => {
        server.setBehaviour(behaviour);
        const token = await signGoogleIdToken(key);

        await expect(verifier({ timeoutMs: 200 }).verify(token)).rejects.toMatchObject({
          reason: 'keys_unavailable',
          status: 503,
        });
      },
    );

    it('recovers once a failing key server answers again', async () => {
      const v = verifier();
      const token = await signGoogleIdToken(key);
      server.setFailing(true);
      await expect(v.verify(token)).rejects.toMatchObject({ reason: 'keys_unavailable' });

      server.setFailing(false);
      await expect(v.verify(token)).resolves.toMatchObject({ email: 'ada@example.com' });
    });

    it('fetches the keys at most twice for a flood of tokens with unknown kids', async () => {
      const v = verifier();
      const tokens = await Promise.all(
        Array.from({ length: 20 }, () => signGoogleIdToken(key, {}, { kid: randomUUID() })),
      );

      const results = await Promise.allSettled(tokens.map((t) => v.verify(t)));
      for (const t of tokens) {
        await expect(v.verify(t)).rejects.toMatchObject({ reason: 'unknown_key' });
      }

      const reasons = results.map((r) => (r.status === 'rejected' ? r.reason.reason : 'accepted'));
      expect(reasons).toEqual(Array(20).fill('unknown_key'));
      expect(server.requestCount).toBeLessThanOrEqual(2);
    });

    it('maps every rejection except keys_unavailable to 401', () => {
      expect(new GoogleTokenError('bad_signature').status).toBe(401);
      expect(new GoogleTokenError('not_configured').status).toBe(401);
      expect(new GoogleTokenError('keys_unavailable').status).toBe(503);
      expect(isUnavailable(new GoogleTokenError('expired'))).toBe(false);
      expect(isUnavailable(new Error('boom'))).toBe(false);
    });
  });
});
