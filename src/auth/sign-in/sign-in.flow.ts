import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../audit/request-meta';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { Errors } from '../../common/errors/api-error';
import { GoogleIdTokenStrategy } from '../../google-auth/google-id-token.strategy';
import type { MfaChallenge } from '../../mfa/challenges/mfa-challenges.service';
import { GoogleAccountsService } from '../credentials/google-accounts.service';
import { LocalStrategy } from '../credentials/local.strategy';
import { MfaCheck } from '../credentials/mfa-check.service';
import { RefreshTokenRotation } from '../sessions/refresh/refresh-token-rotation.service';
import { Session } from '../sessions/session';
import { SessionIssuer } from '../sessions/session-issuer.service';
import { Credential, isMfaChallenge, SignInAttempt, SignInResult, Verified } from './sign-in-attempt';
import { SignInPolicy } from './sign-in-policy';
import { SignInRecord } from './sign-in-record.service';

type SignInCredential = Exclude<Credential, { type: 'refresh_token' }>;
type Outcome = Verified | MfaChallenge;

/**
 * How a sign-in works, top to bottom, for every route that signs people in: POST /api/auth/login (any `type`) and
 * the Orion POST /users/login and /users/login/google. The routes differ only in how they parse the body into a
 * SignInAttempt and how they shape the Session they get back.
 *
 *   1. the client application is authenticated (the Orion routes have none: the default audience, no refresh token);
 *   2. the credential says who the user is: a password (passport-local), a Google ID token (the google-auth module's
 *      strategy, then the account it belongs to), the mfaToken and code of a two-factor sign-in's second step, or a
 *      refresh token (rotated);
 *   3. the sign-in policy says whether that user may sign in now (deleted, locked by an admin, disabled, address
 *      not proven);
 *   3b. a user with two-factor sign-in gets a challenge (an mfaToken) instead of a session after the first factor,
 *      and comes back with it and a code (`type: "mfa"`);
 *   4. the session is issued: an access token, for a client a refresh token, and the client's device credential.
 *
 * The per-address rate limit runs before all of this (a global guard on the routes marked @LoginThrottle()); the
 * lockout (per account, or per device for a client with a device credential), the per-account rate limit and the
 * equal timing of failures are part of the password check.
 */
@Injectable()
export class SignInFlow {
  constructor(
    private readonly clients: ClientsService,
    private readonly passwords: LocalStrategy,
    private readonly googleTokens: GoogleIdTokenStrategy,
    private readonly googleAccounts: GoogleAccountsService,
    private readonly refreshTokens: RefreshTokenRotation,
    private readonly policy: SignInPolicy,
    private readonly sessions: SessionIssuer,
    private readonly record: SignInRecord,
    private readonly mfa: MfaCheck,
  ) {}

  async signIn(attempt: SignInAttempt): Promise<SignInResult> {
    // 1. The client application.
    const client = attempt.client ? await this.clients.authenticate(attempt.client.id, attempt.client.secret) : null;
    const meta: RequestMeta = { ...attempt.meta, clientId: client?.id ?? null };
    const { credential } = attempt;
    if (credential.type === 'refresh_token') return this.continueSession(credential.refreshToken, client);
    // 2. The credential, 3. the policy and 3b. the second factor, with the outcome in the audit trail.
    const outcome = await this.audited(credential.type, meta, async (): Promise<Outcome> => {
      const verified = await this.verify(credential, client, attempt.deviceTokens, meta);
      this.policy.assertMaySignIn(verified.user);
      // 3b. With two-factor sign-in, a first factor gets a challenge, not a session, until the code comes (type "mfa").
      return verified.user.using2FA && !verified.secondFactor ? this.mfa.challenge(verified, client) : verified;
    });
    if (isMfaChallenge(outcome)) return outcome;
    // 4. The session, with this client's device credential (new or renewed).
    return this.sessions.start(outcome.user, client, { deviceTokens: attempt.deviceTokens });
  }

  /**
   * Step 2 for the credentials that start a session. A wrong password or code is counted against the client's
   * device, when it presents a valid device credential, else against the account (LockoutService).
   */
  private async verify(credential: SignInCredential, client: Client | null, deviceTokens: readonly string[], meta: RequestMeta): Promise<Verified> {
    if (credential.type === 'password') {
      return { user: await this.passwords.check(credential.emailOrUsername, credential.password, meta, deviceTokens), method: 'password' };
    }
    if (credential.type === 'mfa') return this.mfa.check(credential.mfaToken, credential.code, client, meta, deviceTokens);
    const profile = await this.googleTokens.verify(credential.idToken);
    return { user: await this.googleAccounts.userFor(profile, meta), method: 'google' };
  }

  /**
   * Steps 2 to 4 for a refresh token, which continues a session rather than starting one: the rotation checks the
   * token against the client and applies the policy of sessions (see RefreshTokenRotation), and the new pair carries
   * the rotated refresh token instead of starting a family. It is not a sign-in, so it is not audited as one.
   */
  private async continueSession(refreshToken: string, client: Client | null): Promise<Session> {
    if (!client) throw Errors.invalidClient();
    const { user, refreshToken: rotated } = await this.refreshTokens.rotate(refreshToken, client.id);
    return this.sessions.start(user, client, { rotated });
  }

  /** Records the outcome (SignInRecord: audit trail and metrics). A challenge is neither: the sign-in waits for the code. */
  private async audited(method: SignInCredential['type'], meta: RequestMeta, signIn: () => Promise<Outcome>): Promise<Outcome> {
    try {
      const outcome = await signIn();
      if (!isMfaChallenge(outcome)) this.record.succeeded(method, meta, outcome);
      return outcome;
    } catch (e) {
      this.record.failed(method, meta, e);
      throw e;
    }
  }

}
