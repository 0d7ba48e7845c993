import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../audit/request-meta';
import { Client } from '../../clients/client.entity';
import { ApiError, Errors } from '../../common/errors/api-error';
import { Metrics } from '../../metrics/metrics';
import { MfaChallenge, MfaChallenges } from '../../mfa/challenges/mfa-challenges.service';
import { SecondFactor, SecondFactorRefused } from '../../mfa/second-factor.service';
import { UsersService } from '../../users/users.service';
import { SignInRefused, Verified } from '../sign-in/sign-in-attempt';
import { SignInPolicy } from '../sign-in/sign-in-policy';

/**
 * The second factor in SignInFlow: the challenge a user with two-factor sign-in gets after a right first factor
 * (step 3b), and the check of `type: "mfa"` (its step 2): the mfaToken, then the code. The detail lives in the mfa
 * module (MfaChallenges, SecondFactor); here is the order and what each refusal is called in the audit trail.
 */
@Injectable()
export class MfaCheck {
  constructor(
    private readonly challenges: MfaChallenges,
    private readonly secondFactor: SecondFactor,
    private readonly users: UsersService,
    private readonly policy: SignInPolicy,
    private readonly metrics: Metrics,
  ) {}

  challenge(verified: Verified, client: Client | null): Promise<MfaChallenge> {
    this.metrics.mfaChallenge('issued');
    return this.challenges.issue(verified.user.id, client?.id ?? null, verified.method);
  }

  /** `deviceTokens` (as presented) say whose lockout budget a wrong code spends, as for a wrong password. */
  async check(mfaToken: string, code: string, client: Client | null, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<Verified> {
    try {
      const verified = await this.answer(mfaToken, code, client, meta, deviceTokens);
      this.metrics.mfaChallenge('succeeded');
      return verified;
    } catch (e) {
      if (e instanceof ApiError) this.metrics.mfaChallenge('failed');
      throw e;
    }
  }

  private async answer(mfaToken: string, code: string, client: Client | null, meta: RequestMeta, deviceTokens: readonly string[]): Promise<Verified> {
    // Opening takes one of the token's attempts (wrong or right, the code is checked at most MAX_CODE_ATTEMPTS times).
    const challenge = await this.challenges.open(mfaToken);
    if (!challenge) throw new SignInRefused(Errors.invalidMfaToken(), 'invalid_mfa_token', null);
    // Bound to the client of the first step: a token from the Orion routes (no client) or from another app is refused.
    if (challenge.clientId !== (client?.id ?? null)) throw new SignInRefused(Errors.invalidMfaToken(), 'mfa_token_other_client', challenge.userId);
    const user = await this.users.findById(challenge.userId);
    if (!user) throw new SignInRefused(Errors.invalidMfaToken(), 'invalid_mfa_token', challenge.userId);
    // Before the code: an account an admin locked (or deleted, disabled) answers as at the first step, whatever the code.
    this.policy.assertMaySignIn(user);
    let secondFactor;
    try {
      secondFactor = await this.secondFactor.verifySecondFactor(user, code, meta, { deviceTokens });
    } catch (e) {
      if (!(e instanceof SecondFactorRefused)) throw e;
      throw new SignInRefused(e, e.reason, user.id);
    }
    // A request racing this one with the same token may have used it first (a recovery code used here is then spent).
    if (!(await this.challenges.consume(challenge.id))) throw new SignInRefused(Errors.invalidMfaToken(), 'invalid_mfa_token', user.id);
    return { user, method: challenge.firstFactor, secondFactor };
  }
}
