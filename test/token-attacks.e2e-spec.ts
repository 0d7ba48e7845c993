import { describeEachDatabase } from './support/databases';
import { loginToken, me as meOf } from './support/sessions';
import { sql } from './support/sql';
import { useTestApp } from './support/test-app';
import {
  accessClaims,
  foreignRsaKey,
  nowSeconds,
  serviceKey,
  ServiceKey,
  signHs256,
  signRs256,
  unsigned,
  withPayload,
} from './support/tokens';
import { syncUser } from './support/users';

/** Every forged, altered or stale token gets the same answer: 401, and never the user. */
describeEachDatabase('GET /api/users/me with tokens under attack', (kind) => {
  let key: ServiceKey;
  let userId: string;
  let validToken: string;

  const me = (token: string) => meOf(t, token);
  const expect401 = async (token: string) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
    expect(res.body.email).toBeUndefined();
  };

  // The user rows below are changed behind the service's back, as another instance would change them; with the
  // user cache off they must be refused at once (the cache's own window: token-checked-reads.e2e-spec.ts).
  const t = useTestApp(kind, { USER_CACHE_TTL_MS: '0' });
  beforeAll(async () => {
    key = await serviceKey();
    userId = (await syncUser(t, { email: 'target@example.test', password: 'Target-pass1', emailVerified: true })).id as string;
    validToken = await loginToken(t, 'target@example.test', 'Target-pass1');
  });

  it('accepts the genuine token and a token crafted here with the service key (so the forgeries below are meaningful)', async () => {
    expect((await me(validToken)).status).toBe(200);
    const crafted = await signRs256(key.privateKey, accessClaims(userId), { kid: key.kid });
    const res = await me(crafted);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(userId);
  });

  it('refuses alg "none", with or without our kid', async () => {
    await expect401(unsigned(accessClaims(userId), { kid: key.kid }));
    await expect401(unsigned(accessClaims(userId), {}));
  });

  it('refuses HS256 signed with the public key as the HMAC secret (PEM and JWK forms)', async () => {
    const claims = accessClaims(userId);
    await expect401(await signHs256(Buffer.from(key.publicPem), claims, { kid: key.kid }));
    await expect401(await signHs256(Buffer.from(JSON.stringify(key.publicJwk)), claims, { kid: key.kid }));
    await expect401(await signHs256(Buffer.from(key.publicPem), claims, {}));
  });

  it('refuses a genuine token whose payload was changed (groups: ["admin"], another sub)', async () => {
    await expect401(withPayload(validToken, (c) => ({ ...c, groups: ['admin'] })));
    await expect401(withPayload(validToken, (c) => ({ ...c, exp: nowSeconds() + 86400 })));
    await expect401(withPayload(validToken, (c) => ({ ...c, sub: '1' })));
  });

  it('refuses an unknown kid, a missing kid, and a foreign key claiming our kid', async () => {
    await expect401(await signRs256(key.privateKey, accessClaims(userId), { kid: 'not-a-key-of-ours' }));
    await expect401(await signRs256(key.privateKey, accessClaims(userId), {}));
    await expect401(await signRs256(foreignRsaKey(), accessClaims(userId), { kid: key.kid }));
  });

  it('refuses an expired token and one not valid yet (nbf in the future)', async () => {
    const past = nowSeconds() - 3600;
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { iat: past, exp: past + 300 }), { kid: key.kid }));
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { nbf: nowSeconds() + 3600 }), { kid: key.kid }));
  });

  it('finding 9: refuses a correctly signed token without exp (it would never expire), or without iat', async () => {
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { exp: undefined }), { kid: key.kid }));
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { iat: undefined }), { kid: key.kid }));
  });

  it('finding 9: refuses an iat in the future beyond the 60 s leeway, and accepts one within it (clock skew)', async () => {
    const future = nowSeconds() + 120;
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { iat: future, exp: future + 300 }), { kid: key.kid }));
    const skewed = await signRs256(key.privateKey, accessClaims(userId, { iat: nowSeconds() + 30 }), { kid: key.kid });
    expect((await me(skewed)).status).toBe(200);
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { iss: 'https://evil.example' }), { kid: key.kid }));
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { aud: 'some-other-service' }), { kid: key.kid }));
    await expect401(await signRs256(key.privateKey, accessClaims(userId, { iss: undefined }), { kid: key.kid }));
  });

  it.each([
    ['deleted', `"deletedAt" = CURRENT_TIMESTAMP, "deletedBy" = 'test'`],
    ['deactivated', `"isActive" = false`],
    ['locked', `"isLocked" = true`],
  ])('refuses a still-valid token of a user since %s', async (state, change) => {
    const email = `${state}@example.test`;
    await syncUser(t, { email, password: 'Victim-pass1', emailVerified: true });
    const token = await loginToken(t, email, 'Victim-pass1');
    expect((await me(token)).status).toBe(200);
    await sql(t, `UPDATE users SET ${change} WHERE email = '${email}'`);
    await expect401(token);
  });
});
