import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { ApiError, Errors } from '../../common/errors/api-error';
import { ValidBody } from '../../common/pipes/validated-body';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { googleNotConfigured, googleTokenFailure } from '../../google-auth/google-token-failure';
import { GoogleTokenError } from '../../google-auth/google-token.error';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { AcceptsDeviceCredential, presentedDeviceTokens, setDeviceCookie } from '../sessions/device-cookie';
import { LoginResponseDto } from '../sessions/dto/login-response.dto';
import { BrowserSessions } from '../sessions/browser/browser-sessions.service';
import { csrfCheckFailed, NO_REQUESTED_WITH } from '../sessions/browser/cookie-request-check';
import { RefreshTokenErrors } from '../sessions/refresh/refresh-token.errors';
import { LOGIN_EXAMPLES } from './dto/login.examples';
import { LoginDto } from './dto/login.dto';
import { Credential, isMfaChallenge, SignInAttempt } from './sign-in-attempt';
import { SignInFlow } from './sign-in.flow';

/**
 * The credential of a validated body: `type` says which `with…` object is read (the DTO requires it, but for a
 * refresh, where a browser client sends its cookie instead: `refreshToken` is then that cookie's, see BrowserSessions).
 */
function credentialOf(body: LoginDto, cookieToken: () => string): Credential {
  switch (body.type) {
    case 'password':
      return { type: 'password', emailOrUsername: body.withPassword!.emailOrUsername, password: body.withPassword!.password };
    case 'google':
      return { type: 'google', idToken: body.withGoogle!.idToken };
    case 'mfa':
      return { type: 'mfa', mfaToken: body.withMfa!.mfaToken, code: body.withMfa!.code };
    case 'refresh_token':
      return { type: 'refresh_token', refreshToken: body.withRefreshToken?.refreshToken ?? cookieToken() };
  }
}

@ApiTags('auth')
@Controller('api/auth')
export class SignInController {
  constructor(
    private readonly flow: SignInFlow,
    private readonly browser: BrowserSessions,
  ) {}

  @Post('login')
  @Public()
  @LoginThrottle()
  @AcceptsDeviceCredential()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in through a client application (password or google, then mfa with two-factor sign-in), or exchange a refresh token (refresh_token)',
    description:
      'Every successful login returns an access token and a single-use refresh token bound to the client and the user. ' +
      'For a user with two-factor sign-in, a right password or Google token answers **401 `mfa_required`** with an ' +
      '`mfaToken` and no token; send it back with a code as `type: "mfa"` (`withMfa: { mfaToken, code }`, the same client) ' +
      'within 5 minutes to get the session. The code is a 6-digit TOTP code (each accepted once) or a recovery code; ' +
      'an mfaToken is single use and dies after 5 wrong codes. ' +
      '`type: "refresh_token"` rotates it: the old one stops working and a new pair is returned; presenting a rotated ' +
      'token again (after REFRESH_REUSE_INTERVAL) revokes the whole session.',
  })
  @ApiBody({ type: LoginDto, examples: LOGIN_EXAMPLES })
  @ApiOkResponse({ type: LoginResponseDto, description: 'Signed in: an RS256 access token for the client, a refresh token, and the user' })
  @ApiErrors(
    [400, 'Missing or invalid field (named in `fields`)', Errors.badInput([{ field: 'withPassword.password', reason: 'should not be empty' }])],
    [
      401,
      'Unknown client or wrong client secret (invalid_client), wrong credentials (invalid_credentials), an invalid Google ID token (google_token_<reason>), ' +
        'an invalid/expired/revoked refresh token (invalid_refresh_token) or a reused one (refresh_token_reused); for a user with two-factor sign-in after a right ' +
        'first factor: mfa_required with the mfaToken; at type "mfa": a wrong or already used code (invalid_mfa_code), or an unknown, expired, used, dead or other client\'s mfaToken (invalid_mfa_token)',
      [
        Errors.invalidCredentials(),
        Errors.mfaRequired('Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV', ['totp', 'recovery_code']),
        Errors.invalidMfaCode(),
        Errors.invalidMfaToken(),
        Errors.invalidClient(),
        RefreshTokenErrors.invalid(),
        RefreshTokenErrors.reused(),
        googleTokenFailure(new GoogleTokenError('expired')),
        Errors.accountDisabled(),
      ],
    ],
    [
      403,
      'A signed-up account whose address is not verified yet (email_not_verified; while SIGNUP_REQUIRE_VERIFIED_EMAIL is on); ' +
        'type "refresh_token" from a browser client\'s cookie without X-Requested-With, or from an origin not in CORS_ORIGINS (csrf_check_failed)',
      [Errors.emailNotVerified(), csrfCheckFailed(NO_REQUESTED_WITH)],
    ],
    [409, 'type "google": the Google account may not be linked to the user with its e-mail by itself (google_account_not_linked), or that user is linked to another Google account (google_account_mismatch)', [Errors.googleAccountNotLinked(), Errors.googleAccountMismatch()]],
    [423, 'The account is locked: by an admin, or, for a password sign-in or a code, to this client for LOCKOUT_DURATION after LOCKOUT_THRESHOLD failures (clients without a device credential together; a device on its own)', Errors.accountLocked()],
    [503, 'type "google": Google sign-in not configured, or Google keys unreachable', googleNotConfigured()],
  )
  async login(
    @ValidBody(LoginDto) body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    const fromCookie = body.type === 'refresh_token' && !body.withRefreshToken;
    const attempt: SignInAttempt = {
      client: { id: body.clientId, secret: body.clientSecret },
      credential: credentialOf(body, () => this.browser.refreshTokenFromCookie(body.clientId, request)),
      deviceTokens: presentedDeviceTokens(request),
      meta: requestMeta(request),
    };
    const result = await this.flow.signIn(attempt).catch((e: unknown) => {
      // A refused cookie (dead, reused, revoked) can never work again: the browser is told to forget it.
      if (fromCookie && e instanceof ApiError && e.getStatus() === 401) this.browser.clearCookie(reply);
      throw e;
    });
    // A 401 and no token until the second factor: a client that knows nothing of 2FA cannot take it for a session.
    if (isMfaChallenge(result)) throw Errors.mfaRequired(result.mfaToken, result.methods);
    setDeviceCookie(request, reply, result.device);
    return this.browser.respond(result, body.clientId, reply) as LoginResponseDto;
  }
}
