import { RequestMeta } from '../../audit/request-meta';
import { ApiError } from '../../common/errors/api-error';
import { User } from '../../users/user.entity';

/** What proves who the user is, one shape per `type` of POST /api/auth/login. */
export type Credential =
  | { type: 'password'; emailOrUsername: string; password: string }
  | { type: 'google'; idToken: string }
  | { type: 'refresh_token'; refreshToken: string };

/** A sign-in as every route hands it to the SignInFlow, parsed from its own body. */
export interface SignInAttempt {
  /** The client application and its secret; null on the Orion routes, which have no client (default audience). */
  client: { id: string; secret?: string } | null;
  credential: Credential;
  /**
   * The device credentials the client presented (the `gatehouse_device` cookie, the `X-Device-Token` header), as
   * sent: the password check counts a failure against the device whose credential is valid for the account, and the
   * session renews it (see DeviceCredentials).
   */
  deviceTokens: readonly string[];
  /** Where the request came from, for the audit trail. */
  meta: RequestMeta;
}

/**
 * A refused sign-in: the error the client sees, which says no more than it must (an unknown user and a wrong
 * password look alike), plus what only the audit trail records: why, and whose account it was when one was found.
 */
export class SignInRefused extends ApiError {
  constructor(
    error: ApiError,
    readonly reason: string,
    readonly userId: string | null,
  ) {
    super(error.getStatus(), error.code, error.message, error.fields);
    this.retryAfterSeconds = error.retryAfterSeconds;
  }

  /** A refusal of a known user for a reason the error's code already names (locked, disabled, …). */
  static of(error: ApiError, user: User): SignInRefused {
    return new SignInRefused(error, error.code, user.id);
  }
}
