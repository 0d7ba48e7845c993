import { RequestMeta } from '../../audit/request-meta';
import { ApiError } from '../../common/errors/api-error';
import type { MfaChallenge } from '../../mfa/challenges/mfa-challenges.service';
import type { FirstFactor } from '../../mfa/challenges/mfa-challenge.entity';
import type { SecondFactorKind } from '../../mfa/second-factor-code';
import { User } from '../../users/user.entity';
import { Session } from '../sessions/session';

/** What proves who the user is, one shape per `type` of POST /api/auth/login. */
export type Credential =
  | { type: 'password'; emailOrUsername: string; password: string }
  | { type: 'google'; idToken: string }
  /** The second step of a two-factor sign-in: the mfaToken of the first step, and a TOTP or recovery code. */
  | { type: 'mfa'; mfaToken: string; code: string }
  | { type: 'refresh_token'; refreshToken: string };

/** Whose a credential is, and by which factors (for the audit trail and the two-factor step). */
export interface Verified {
  user: User;
  method: FirstFactor;
  secondFactor?: SecondFactorKind;
}

/** A session, or (the first factor of a user with two-factor sign-in) the challenge that the code must answer. */
export type SignInResult = Session | MfaChallenge;

export function isMfaChallenge(result: object): result is MfaChallenge {
  return 'mfaToken' in result;
}

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
