import { generateKeyPairSync } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { AuthConfig } from '../../config/auth.config';
import { User } from '../../users/user.entity';
import { AccessTokenService } from './access-token.service';
import { signRs256 } from './rs256-signer';
import { SigningKeys } from './signing-keys';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys = { current: { kid: 'kid-1', privateKey, publicKey } } as unknown as SigningKeys;
const auth = { defaultAudience: 'default-aud', issuer: 'gatehouse-test', accessTokenTtlSeconds: 900 } as AuthConfig;
const user = Object.assign(new User(), { id: '7001', email: 'arya@example.test', guid: 'guid-7001', roles: ['admin'], tokenGeneration: 3 });

describe('signRs256', () => {
  it('writes exactly the token jsonwebtoken writes for the same claims (RS256 signatures are deterministic)', async () => {
    const claims = { email: 'a@example.test', groups: ['user'], iat: 1_700_000_000, exp: 1_700_000_900, aud: 'c', iss: 'i', sub: '1', jti: 'j' };
    const ours = await signRs256(claims, privateKey, 'kid-1');
    expect(ours).toBe(jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: 'kid-1' }));
    expect(jwt.verify(ours, publicKey, { algorithms: ['RS256'], ignoreExpiration: true })).toEqual(claims);
  });
});

describe('AccessTokenService.issue', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives the token jsonwebtoken gave with the options Gatehouse passed it before (same claims, order and signature)', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_700_000_123_456);
    const issued = await new AccessTokenService(keys, auth).issue(user, 'client-a');
    const jti = (jwt.decode(issued.accessToken) as { jti: string }).jti;
    const before = jwt.sign(
      { email: user.email, upn: user.email, groups: user.roles, c_hash: user.guid, gen: user.tokenGeneration },
      privateKey,
      { algorithm: 'RS256', keyid: 'kid-1', subject: user.id, issuer: auth.issuer, audience: 'client-a', jwtid: jti, expiresIn: 900 },
    );
    expect(issued).toEqual({ accessToken: before, expiresIn: 900 });
  });

  it('addresses the default audience without a client, and a user without roles is in the "user" group', async () => {
    const plain = Object.assign(new User(), { ...user, roles: [] });
    const { accessToken } = await new AccessTokenService(keys, auth).issue(plain);
    expect(jwt.verify(accessToken, publicKey, { algorithms: ['RS256'], audience: 'default-aud', issuer: 'gatehouse-test' })).toMatchObject({ groups: ['user'], sub: '7001' });
  });
});
