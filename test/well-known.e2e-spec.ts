import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describeEachDatabase, withDatabase } from './support/databases';
import { writeRsaPrivateKey } from './support/keys';
import { CLIENT } from './support/seed';
import { me, signIn } from './support/sessions';
import { startTestApp, useTestApp } from './support/test-app';
import { syncUser } from './support/users';

const PUBLIC_URL = 'https://auth.example.test';

const writeKey = (name: string) => writeRsaPrivateKey(join(process.env.GATEHOUSE_TEST_TMP ?? '/tmp', `${name}-${process.pid}-${Date.now()}.pem`));

describeEachDatabase('published keys and discovery', (kind) => {
  const t = useTestApp(kind, { PUBLIC_URL: `${PUBLIC_URL}/` });
  beforeAll(async () => {
    await syncUser(t, { email: 'brienne@example.test', password: 'Tarth-pw-1' });
  });

  it('serves the public keys only (kid, kty, alg, use, n, e), without authentication', async () => {
    const res = await t.http().get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.body.keys).toHaveLength(1);
    const [key] = res.body.keys as Record<string, string>[];
    expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
  });

  it('issues tokens that an independent library (jose) verifies against the published JWKS alone', async () => {
    const jwks = (await t.http().get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const { accessToken } = await signIn(t, 'brienne@example.test', 'Tarth-pw-1');
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
      issuer: 'gatehouse',
      audience: CLIENT.clientId,
      algorithms: ['RS256'],
    });
    expect(payload.email).toBe('brienne@example.test');
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
    const [h, , sig] = accessToken.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, groups: ['admin'] })).toString('base64url')}.${sig}`;
    await expect(jwtVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow();
  });

  it('publishes OpenID discovery metadata with absolute URLs from PUBLIC_URL, never from the Host header', async () => {
    const res = await t.http().get('/.well-known/openid-configuration').set('host', 'evil.example').set('x-forwarded-host', 'evil.example');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: 'gatehouse',
      jwks_uri: `${PUBLIC_URL}/.well-known/jwks.json`,
      token_endpoint: `${PUBLIC_URL}/api/auth/login`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(JSON.stringify(res.body)).not.toContain('evil.example');
  });
});

describeEachDatabase('signing-key rotation (JWT_PRIVATE_KEYS)', (kind) => {
  const oldKey = writeKey('old');
  const newKey = writeKey('new');
  const keysEnv = (...files: string[]) => ({ JWT_PRIVATE_KEY_FILE: undefined, JWT_PRIVATE_KEYS: files.join(',') });

  it('verifies tokens of every listed key, signs with the first, and refuses tokens of a removed key', async () => {
    await withDatabase(kind, async (db) => {
      // 1. Only the old key: a token signed by it.
      let t = await startTestApp(kind, keysEnv(oldKey), { database: db });
      await syncUser(t, { email: 'arya@example.test', password: 'Needle-pw-1' });
      const oldToken = (await signIn(t, 'arya@example.test', 'Needle-pw-1')).accessToken;
      await t.close();

      // 2. The new key first, the old one still listed: both verify, new tokens are signed by the new key.
      t = await startTestApp(kind, keysEnv(newKey, oldKey), { database: db });
      const jwks = (await t.http().get('/.well-known/jwks.json')).body as JSONWebKeySet;
      expect(jwks.keys).toHaveLength(2);
      expect((await me(t, oldToken)).status).toBe(200);
      const newToken = (await signIn(t, 'arya@example.test', 'Needle-pw-1')).accessToken;
      expect(decodeProtectedHeader(newToken).kid).toBe(jwks.keys[0].kid);
      expect(decodeProtectedHeader(oldToken).kid).toBe(jwks.keys[1].kid);
      await t.close();

      // 3. The old key removed: its tokens are refused, the new key's still accepted.
      t = await startTestApp(kind, keysEnv(newKey), { database: db });
      const after = await me(t, oldToken);
      expect(after.status).toBe(401);
      expect((await me(t, newToken)).status).toBe(200);
      expect((await t.http().get('/.well-known/jwks.json')).body.keys).toHaveLength(1);
      await t.close();
    });
  });
});
