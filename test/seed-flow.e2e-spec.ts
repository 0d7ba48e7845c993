import { jwtVerify } from 'jose';
import { describeEachDatabase } from './support/databases';
import { passwordSignIn } from './support/sessions';
import { useTestApp } from './support/test-app';
import { serviceKey } from './support/tokens';
import { putUser } from './support/users';

/** third-party-user-sync.txt, replayed literally (the stray quote in the e-mail corrected). */
describeEachDatabase('seed: create users from 3rd parties', (kind) => {
  const t = useTestApp(kind);

  const step1 = {
    type: 'password',
    clientId: 'client-app-id',
    clientSecret: 'client-app-secret',
    withPassword: { emailOrUsername: 'none-exists-email@gmail.com', password: 'arbitrary-password' },
  };
  const step2 = { username: 'cersei.lannister', email: 'cersei-lannister@gmail.com', password: 'C3rs3i#L4nnist3r', emailVerified: true };

  it('step 1: login of a user that does not exist → 401', async () => {
    const res = await t.http().post('/api/auth/login').send(step1);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
  });

  it('step 2: PUT /api/users with x-user-ctx creates the user → 200 with the seed fields and no password', async () => {
    const res = await putUser(t, step2);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      emailVerified: true,
      username: 'cersei.lannister',
      email: 'cersei-lannister@gmail.com',
      createdBy: '__system',
      deletedAt: null,
      updatedBy: null,
      deletedBy: null,
      firstName: null,
      lastName: null,
      locale: null,
      roles: null,
      phoneNumber: null,
      avatar: null,
      birthday: null,
      gender: null,
      lockedAt: null,
      isActive: true,
      isLocked: false,
    });
    expect(res.body.id).toMatch(/^\d{18,19}$/);
    expect(res.body._guid).toMatch(/^user_[0-9A-Za-z]{26}$/);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    expect(res.body.updatedAt).toBe(res.body.createdAt);
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$/);
  });

  it('step 3: login again → 200 with an RS256 token that verifies with the public key', async () => {
    const res = await passwordSignIn(t, 'cersei-lannister@gmail.com', 'C3rs3i#L4nnist3r');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300, user: { email: 'cersei-lannister@gmail.com' } });
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$/);

    const { publicKey } = await serviceKey();
    const { payload, protectedHeader } = await jwtVerify(res.body.accessToken, publicKey, {
      algorithms: ['RS256'],
      issuer: 'gatehouse',
      audience: 'client-app-id',
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({
      sub: res.body.user.id,
      email: 'cersei-lannister@gmail.com',
      upn: 'cersei-lannister@gmail.com',
      groups: ['user'],
      c_hash: res.body.user._guid,
    });
    expect(payload.jti).toEqual(expect.any(String));
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);
  });
});
