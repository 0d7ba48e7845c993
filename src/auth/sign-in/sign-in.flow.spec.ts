import { AuditService } from '../../audit/audit.service';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { Errors } from '../../common/errors/api-error';
import { GoogleIdTokenStrategy } from '../../google-auth/google-id-token.strategy';
import { Metrics } from '../../metrics/metrics';
import { metricValue } from '../../../test/support/metrics';
import type { GoogleProfile } from '../../google-auth/google-id-token.verifier';
import { User } from '../../users/user.entity';
import { GoogleAccountsService } from '../credentials/google-accounts.service';
import { LocalStrategy } from '../credentials/local.strategy';
import { RefreshTokenRotation } from '../sessions/refresh/refresh-token-rotation.service';
import { Session } from '../sessions/session';
import { SessionIssuer } from '../sessions/session-issuer.service';
import { SignInAttempt, SignInRefused } from './sign-in-attempt';
import { SignInFlow } from './sign-in.flow';

const user = (over: Partial<User> = {}): User => ({ id: 'u1', isActive: true, isLocked: false, deletedAt: null, ...over }) as User;
const client = { id: 'client-app-id' } as Client;
const profile = { sub: 'g-1', email: 'ada@example.com' } as GoogleProfile;
const meta = { ip: '203.0.113.7', userAgent: 'ua', clientId: null };

describe('SignInFlow', () => {
  let steps: string[];
  let clients: jest.Mocked<ClientsService>;
  let passwords: jest.Mocked<LocalStrategy>;
  let googleTokens: jest.Mocked<GoogleIdTokenStrategy>;
  let googleAccounts: jest.Mocked<GoogleAccountsService>;
  let rotation: jest.Mocked<RefreshTokenRotation>;
  let sessions: jest.Mocked<SessionIssuer>;
  let audit: jest.Mocked<AuditService>;
  let metrics: Metrics;
  let flow: SignInFlow;

  const step = <T>(name: string, value: T) => jest.fn(async () => (steps.push(name), value));

  beforeEach(() => {
    steps = [];
    clients = { authenticate: step('client', client) } as unknown as jest.Mocked<ClientsService>;
    passwords = { check: step('password', user()) } as unknown as jest.Mocked<LocalStrategy>;
    googleTokens = { verify: step('google-token', profile) } as unknown as jest.Mocked<GoogleIdTokenStrategy>;
    googleAccounts = { userFor: step('google-account', user({ id: 'linked' })) } as unknown as jest.Mocked<GoogleAccountsService>;
    rotation = { rotate: step('rotate', { user: user(), refreshToken: { token: 'next', expiresAt: new Date() } }) } as unknown as jest.Mocked<RefreshTokenRotation>;
    sessions = { start: step('session', {} as Session) } as unknown as jest.Mocked<SessionIssuer>;
    audit = { record: jest.fn() } as unknown as jest.Mocked<AuditService>;
    metrics = new Metrics();
    flow = new SignInFlow(clients, passwords, googleTokens, googleAccounts, rotation, sessions, audit, metrics);
  });

  const password: SignInAttempt = {
    client: { id: 'client-app-id', secret: 'client-app-secret' },
    credential: { type: 'password', emailOrUsername: 'ada@example.com', password: 'right' },
    meta,
  };

  it('authenticates the client, then checks the credential, then issues the session for that client', async () => {
    await flow.signIn(password);
    expect(steps).toEqual(['client', 'password', 'session']);
    expect(clients.authenticate).toHaveBeenCalledWith('client-app-id', 'client-app-secret');
    expect(passwords.check).toHaveBeenCalledWith('ada@example.com', 'right', { ...meta, clientId: 'client-app-id' });
    expect(sessions.start).toHaveBeenCalledWith(user(), client);
  });

  it('checks no credential for an unknown client', async () => {
    clients.authenticate.mockRejectedValue(Errors.invalidClient());
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'invalid_client' });
    expect(passwords.check).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('signs in without a client on the Orion routes: no client check, a session of no client', async () => {
    await flow.signIn({ ...password, client: null });
    expect(steps).toEqual(['password', 'session']);
    expect(sessions.start).toHaveBeenCalledWith(user(), null);
  });

  it('refuses a user the policy refuses, after the credential, with no session', async () => {
    passwords.check.mockResolvedValue(user({ isActive: false }));
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'account_disabled' });
    expect(sessions.start).not.toHaveBeenCalled();
  });

  it('audits a Google sign-in and a refusal, with the request meta, the user and never the token', async () => {
    const google: SignInAttempt = { client: null, credential: { type: 'google', idToken: 'id-token' }, meta };
    await flow.signIn(google);
    expect(googleAccounts.userFor).toHaveBeenCalledWith(profile);
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, type: 'login.succeeded', subjectId: 'linked', details: { method: 'google' } });

    googleAccounts.userFor.mockResolvedValueOnce(user({ id: 'locked', isLocked: true, lockReason: 'admin' }));
    await expect(flow.signIn(google)).rejects.toMatchObject({ code: 'account_locked' });
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, type: 'login.failed', subjectId: 'locked', details: { method: 'google', reason: 'account_locked' } });
    expect(JSON.stringify(audit.record.mock.calls)).not.toContain('id-token');
  });

  it("audits a refused password with the checker's reason and user, and an invalid Google token with its code", async () => {
    passwords.check.mockRejectedValue(new SignInRefused(Errors.invalidCredentials(), 'wrong_password', 'u1'));
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, clientId: 'client-app-id', type: 'login.failed', subjectId: 'u1', details: { method: 'password', reason: 'wrong_password' } });

    googleTokens.verify.mockRejectedValue(Errors.unauthenticated());
    await expect(flow.signIn({ ...password, credential: { type: 'google', idToken: 'x' } })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, clientId: 'client-app-id', type: 'login.failed', subjectId: null, details: { method: 'google', reason: 'unauthenticated' } });
  });

  it('counts sign-ins by method and result, a refusal with its reason, and nothing else (no user, no address)', async () => {
    await flow.signIn(password);
    passwords.check.mockRejectedValue(new SignInRefused(Errors.invalidCredentials(), 'wrong_password', 'u1'));
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'invalid_credentials' });
    const text = await metrics.text();
    expect(metricValue(text, 'gatehouse_sign_ins_total', { method: 'password', result: 'succeeded' })).toBe(1);
    expect(metricValue(text, 'gatehouse_sign_ins_total', { method: 'password', result: 'failed', reason: 'wrong_password' })).toBe(2);
    expect(text).not.toMatch(/u1|203\.0\.113\.7|ada@example/);
  });

  it('does not audit the server own failures as refused sign-ins', async () => {
    passwords.check.mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await expect(flow.signIn(password)).rejects.toThrow('ECONNREFUSED');
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('continues a session with a refresh token: rotated for the client, the rotated token in the session, not audited as a sign-in', async () => {
    await flow.signIn({ ...password, credential: { type: 'refresh_token', refreshToken: 'old' } });
    expect(steps).toEqual(['client', 'rotate', 'session']);
    expect(rotation.rotate).toHaveBeenCalledWith('old', 'client-app-id');
    expect(sessions.start).toHaveBeenCalledWith(user(), client, { token: 'next', expiresAt: expect.any(Date) });
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('refuses a refresh token without a client', async () => {
    await expect(flow.signIn({ client: null, credential: { type: 'refresh_token', refreshToken: 'old' }, meta })).rejects.toMatchObject({ code: 'invalid_client' });
    expect(rotation.rotate).not.toHaveBeenCalled();
  });
});
