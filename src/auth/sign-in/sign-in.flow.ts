import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { ApiError, Errors } from '../../common/errors/api-error';
import { GoogleIdTokenStrategy } from '../../google-auth/google-id-token.strategy';
import { Metrics } from '../../metrics/metrics';
import { User } from '../../users/user.entity';
import { GoogleAccountsService } from '../credentials/google-accounts.service';
import { LocalStrategy } from '../credentials/local.strategy';
import { RefreshTokenRotation } from '../sessions/refresh/refresh-token-rotation.service';
import { Session } from '../sessions/session';
import { SessionIssuer } from '../sessions/session-issuer.service';
import { Credential, SignInAttempt, SignInRefused } from './sign-in-attempt';
import { assertMaySignIn } from './sign-in-policy';

type FirstFactor = Exclude<Credential, { type: 'refresh_token' }>;

/**
 * How a sign-in works, top to bottom, for every route that signs people in: POST /api/auth/login (any `type`) and
 * the Orion POST /users/login and /users/login/google. The routes differ only in how they parse the body into a
 * SignInAttempt and how they shape the Session they get back.
 *
 *   1. the client application is authenticated (the Orion routes have none: the default audience, no refresh token);
 *   2. the credential says who the user is: a password (passport-local), a Google ID token (the google-auth module's
 *      strategy, then the account it belongs to), or a refresh token (rotated);
 *   3. the sign-in policy says whether that user may sign in now (deleted, locked, disabled);
 *   4. the session is issued: an access token and, for a client, a refresh token.
 *
 * Rate limits run before all of this (a global guard on the routes marked @LoginThrottle()); the lockout and the
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
    private readonly sessions: SessionIssuer,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  async signIn(attempt: SignInAttempt): Promise<Session> {
    // 1. The client application.
    const client = attempt.client ? await this.clients.authenticate(attempt.client.id, attempt.client.secret) : null;
    const meta: RequestMeta = { ...attempt.meta, clientId: client?.id ?? null };
    const { credential } = attempt;
    if (credential.type === 'refresh_token') return this.continueSession(credential.refreshToken, client);
    // 2. The credential, and 3. the policy, with the outcome in the audit trail.
    const user = await this.audited(credential.type, meta, async () => {
      const user = await this.userFor(credential, meta);
      assertMaySignIn(user);
      return user;
    });
    // 4. The session.
    return this.sessions.start(user, client);
  }

  /** Step 2 for the credentials that start a session. */
  private async userFor(credential: FirstFactor, meta: RequestMeta): Promise<User> {
    if (credential.type === 'password') return this.passwords.check(credential.emailOrUsername, credential.password, meta);
    const profile = await this.googleTokens.verify(credential.idToken);
    return this.googleAccounts.userFor(profile);
  }

  /**
   * Steps 2 to 4 for a refresh token, which continues a session rather than starting one: the rotation checks the
   * token against the client and applies the policy of sessions (see RefreshTokenRotation), and the new pair carries
   * the rotated refresh token instead of starting a family. It is not a sign-in, so it is not audited as one.
   */
  private async continueSession(refreshToken: string, client: Client | null): Promise<Session> {
    if (!client) throw Errors.invalidClient();
    const { user, refreshToken: rotated } = await this.refreshTokens.rotate(refreshToken, client.id);
    return this.sessions.start(user, client, rotated);
  }

  /**
   * Records `login.succeeded` or, for a refusal (an invalid Google token included), `login.failed` with its reason,
   * in the audit trail and the sign-in counter; never the credential itself. The server's own failures (a database
   * outage) are not a refused sign-in.
   */
  private async audited(method: FirstFactor['type'], meta: RequestMeta, signIn: () => Promise<User>): Promise<User> {
    try {
      const user = await signIn();
      this.audit.record({ ...meta, type: 'login.succeeded', subjectId: user.id, details: { method } });
      this.metrics.signIn(method, 'succeeded');
      return user;
    } catch (e) {
      if (e instanceof ApiError) {
        const [reason, subjectId] = e instanceof SignInRefused ? [e.reason, e.userId] : [e.code, null];
        this.audit.record({ ...meta, type: 'login.failed', subjectId, details: { method, reason } });
        this.metrics.signIn(method, 'failed', reason);
      }
      throw e;
    }
  }
}
