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
import { MfaCheck } from '../credentials/mfa-check.service';
import { RefreshTokenRotation } from '../sessions/refresh/refresh-token-rotation.service';
import { Session } from '../sessions/session';
import { SessionIssuer } from '../sessions/session-issuer.service';
import { SignInAttempt, SignInRefused } from './sign-in-attempt';
import { SignInPolicy } from './sign-in-policy';
import { SignInRecord } from './sign-in-record.service';
import { SignInFlow } from './sign-in.flow';
import { SelfServiceConfig } from '../../config/self-service.config';

const user = (over: Partial<User> = {}): User => ({ id: 'u1', isActive: true, isLocked: false, deletedAt: null, ...over }) as User;
const client = { id: 'client-app-id' } as Client;
const profile = { sub: 'g-1', email: 'ada@example.com' } as GoogleProfile;
const meta = { ip: '203.0.113.7', userAgent: 'ua', clientId: null };
const policy = (requireVerifiedEmail: boolean) => new SignInPolicy({ signUp: { requireVerifiedEmail } } as SelfServiceConfig);
const challenge = { mfaToken: 'mfa-token', methods: ['totp', 'recovery_code'], expiresAt: new Date() };

describe('SignInFlow', () => {
  let steps: string[];
  let clients: jest.Mocked<ClientsService>;
  let passwords: jest.Mocked<LocalStrategy>;
  let googleTokens: jest.Mocked<GoogleIdTokenStrategy>;
  let googleAccounts: jest.Mocked<GoogleAccountsService>;
  let rotation: jest.Mocked<RefreshTokenRotation>;
  let sessions: jest.Mocked<SessionIssuer>;
  let audit: jest.Mocked<AuditService>;
  let mfa: jest.Mocked<MfaCheck>;
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
    mfa = {
      challenge: step('challenge', challenge),
      check: step('mfa', { user: user({ id: 'two-factor', using2FA: true }), method: 'google', secondFactor: 'totp' }),
    } as unknown as jest.Mocked<MfaCheck>;
    metrics = new Metrics();
    flow = new SignInFlow(clients, passwords, googleTokens, googleAccounts, rotation, policy(true), sessions, new SignInRecord(audit, metrics), mfa);
  });

  const password: SignInAttempt = {
    client: { id: 'client-app-id', secret: 'client-app-secret' },
    credential: { type: 'password', emailOrUsername: 'ada@example.com', password: 'right' },
    deviceTokens: ['device-credential'],
    meta,
  };

  it('authenticates the client, then checks the credential (with the device), then issues the session and device credential for that client', async () => {
    await flow.signIn(password);
    expect(steps).toEqual(['client', 'password', 'session']);
    expect(clients.authenticate).toHaveBeenCalledWith('client-app-id', 'client-app-secret');
    expect(passwords.check).toHaveBeenCalledWith('ada@example.com', 'right', { ...meta, clientId: 'client-app-id' }, ['device-credential']);
    expect(sessions.start).toHaveBeenCalledWith(user(), client, { deviceTokens: ['device-credential'] });
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
    expect(sessions.start).toHaveBeenCalledWith(user(), null, { deviceTokens: ['device-credential'] });
  });

  it('refuses a user the policy refuses, after the credential, with no session', async () => {
    passwords.check.mockResolvedValue(user({ isActive: false }));
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'account_disabled' });
    expect(sessions.start).not.toHaveBeenCalled();
  });

  it('refuses a signed-up account whose address is not proven, unless SIGNUP_REQUIRE_VERIFIED_EMAIL is off', async () => {
    passwords.check.mockResolvedValue(user({ createdBy: 'signup', emailVerified: false }));
    await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'email_not_verified', status: 403 });
    expect(audit.record).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'login.failed', details: { method: 'password', reason: 'email_not_verified' } }));
    expect(sessions.start).not.toHaveBeenCalled();
    const lenient = new SignInFlow(clients, passwords, googleTokens, googleAccounts, rotation, policy(false), sessions, new SignInRecord(audit, metrics), mfa);
    await expect(lenient.signIn(password)).resolves.toEqual({});
    // Only self-registered accounts wait for the proof: a synced account with an unverified address signs in as before.
    passwords.check.mockResolvedValue(user({ createdBy: '__system', emailVerified: false }));
    await expect(flow.signIn(password)).resolves.toEqual({});
  });

  it('audits a Google sign-in and a refusal, with the request meta, the user and never the token', async () => {
    const google: SignInAttempt = { client: null, credential: { type: 'google', idToken: 'id-token' }, deviceTokens: [], meta };
    await flow.signIn(google);
    expect(googleAccounts.userFor).toHaveBeenCalledWith(profile, { ...meta, clientId: null });
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, type: 'login.succeeded', subjectId: 'linked', details: { method: 'google' } });

    googleAccounts.userFor.mockResolvedValueOnce(user({ id: 'locked', isLocked: true, lockReason: 'admin' }));
    await expect(flow.signIn(google)).rejects.toMatchObject({ code: 'account_locked' });
    expect(audit.record).toHaveBeenLastCalledWith({ ...meta, type: 'login.failed', subjectId: 'locked', details: { method: 'google', reason: 'account_locked' } });
    expect(JSON.stringify(audit.record.mock.calls)).not.toContain('id-token');
  });

  it('lets an automatically locked user in with a credential no one guesses (it locks out passwords only), not an admin-locked one', async () => {
    const google: SignInAttempt = { client: null, credential: { type: 'google', idToken: 'id-token' }, deviceTokens: [], meta };
    const automatic = user({ isLocked: true, lockReason: 'failed_logins', lockedUntil: new Date(Date.now() + 60_000) });
    googleAccounts.userFor.mockResolvedValueOnce(automatic);
    await flow.signIn(google);
    expect(sessions.start).toHaveBeenCalledWith(automatic, null, { deviceTokens: [] });
    googleAccounts.userFor.mockResolvedValueOnce(user({ isLocked: true, lockReason: null }));
    await expect(flow.signIn(google)).rejects.toMatchObject({ code: 'account_locked' });
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
    expect(sessions.start).toHaveBeenCalledWith(user(), client, { rotated: { token: 'next', expiresAt: expect.any(Date) } });
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('refuses a refresh token without a client', async () => {
    await expect(flow.signIn({ client: null, credential: { type: 'refresh_token', refreshToken: 'old' }, deviceTokens: [], meta })).rejects.toMatchObject({ code: 'invalid_client' });
    expect(rotation.rotate).not.toHaveBeenCalled();
  });

  describe('two-factor sign-in', () => {
    it('answers a challenge instead of a session after the right first factor of a 2FA user, bound to the client and factor, not audited as a sign-in', async () => {
      const twoFactor = user({ id: 'two-factor', using2FA: true });
      passwords.check.mockImplementation(async () => (steps.push('password'), twoFactor));
      await expect(flow.signIn(password)).resolves.toBe(challenge);
      expect(steps).toEqual(['client', 'password', 'challenge']);
      expect(mfa.challenge).toHaveBeenCalledWith({ user: twoFactor, method: 'password' }, client);
      expect(sessions.start).not.toHaveBeenCalled();
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('applies the policy before any challenge: a locked 2FA user gets 423, no mfaToken', async () => {
      passwords.check.mockResolvedValue(user({ using2FA: true, isLocked: true, lockReason: 'admin' }));
      await expect(flow.signIn(password)).rejects.toMatchObject({ code: 'account_locked' });
      expect(mfa.challenge).not.toHaveBeenCalled();
    });

    it('signs in with type "mfa": the token and code checked for the client, the session issued, both factors audited', async () => {
      const attempt: SignInAttempt = { ...password, credential: { type: 'mfa', mfaToken: 'mfa-token', code: '123456' } };
      await flow.signIn(attempt);
      expect(steps).toEqual(['client', 'mfa', 'session']);
      expect(mfa.check).toHaveBeenCalledWith('mfa-token', '123456', client, { ...meta, clientId: 'client-app-id' }, password.deviceTokens);
      expect(mfa.challenge).not.toHaveBeenCalled();
      expect(audit.record).toHaveBeenLastCalledWith({ ...meta, clientId: 'client-app-id', type: 'login.succeeded', subjectId: 'two-factor', details: { method: 'google', secondFactor: 'totp' } });
      expect(JSON.stringify(audit.record.mock.calls)).not.toMatch(/mfa-token|123456/);
    });

    it('audits a refused code as a failed sign-in of the user, with the reason', async () => {
      mfa.check.mockRejectedValue(new SignInRefused(Errors.invalidCredentials(), 'wrong_code', 'two-factor'));
      await expect(flow.signIn({ ...password, credential: { type: 'mfa', mfaToken: 't', code: '000000' } })).rejects.toMatchObject({ code: 'invalid_credentials' });
      expect(audit.record).toHaveBeenLastCalledWith({ ...meta, clientId: 'client-app-id', type: 'login.failed', subjectId: 'two-factor', details: { method: 'mfa', reason: 'wrong_code' } });
      expect(sessions.start).not.toHaveBeenCalled();
    });
  });
});
