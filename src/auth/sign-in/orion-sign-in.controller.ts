import { applyDecorators, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { Errors } from '../../common/errors/api-error';
import { AcceptsForm } from '../../common/http/form-body';
import { FormOrJsonBody } from '../../common/pipes/validated-body';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { googleNotConfigured, googleTokenFailure } from '../../google-auth/google-token-failure';
import { GoogleTokenError } from '../../google-auth/google-token.error';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { AcceptsDeviceCredential, presentedDeviceTokens, setDeviceCookie } from '../sessions/device-cookie';
import { toOrionAuthentication } from '../sessions/session.mapper';
import { OrionAuthenticationDto } from './dto/orion-authentication.dto';
import { OrionGoogleLoginDto } from './dto/orion-google-login.dto';
import { OrionLoginDto } from './dto/orion-login.dto';
import { OrionMfaLoginDto } from './dto/orion-mfa-login.dto';
import { OrionMfaRequiredDto } from './dto/orion-mfa-required.dto';
import { Credential, isMfaChallenge } from './sign-in-attempt';
import { SignInFlow } from './sign-in.flow';

/** `{ user, token }`, or `{ requires2FA, mfaToken, message }` for a user with two-factor sign-in. */
const SIGNED_IN_OR_MFA = ApiOkResponse({
  description: 'Signed in (`{ user, token }`), or, for a user with two-factor sign-in, `{ requires2FA: true, mfaToken, message }`: send mfaToken and a code to /users/login/2fa',
  schema: { oneOf: [{ $ref: getSchemaPath(OrionAuthenticationDto) }, { $ref: getSchemaPath(OrionMfaRequiredDto) }] },
});
type OrionAnswer = OrionAuthenticationDto | OrionMfaRequiredDto;

/** The second step's route, under both of its Orion names. */
const MFA_STEP = (summary: string) =>
  applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded', 'application/json'),
    ApiBody({ type: OrionMfaLoginDto }),
    ApiOperation({ summary, description: 'The mfaToken of the first step (single use, 5 minutes) and a 6-digit TOTP code or a recovery code.' }),
    ApiOkResponse({ type: OrionAuthenticationDto, description: 'Signed in: `{ user, token }`, with `using2FA: true`' }),
    ApiErrors(
      [400, 'mfaToken or code missing or malformed, or a body that is neither a form nor JSON'],
      [401, 'A wrong or already used code (invalid_mfa_code), or an unknown, expired, used or dead mfaToken, or one from /api/auth/login (invalid_mfa_token)', Errors.invalidMfaCode()],
      [415, 'Unsupported content type (e.g. multipart/form-data)'],
      [423, 'The account is locked (wrong codes count toward the lockout)'],
    ),
  );

/**
 * The Orion API (orion-authenticate): a form or JSON body, no client credentials, `{ user, token }` back. The same
 * SignInFlow as POST /api/auth/login with no client: the token carries the default audience, no refresh token.
 */
@ApiTags('orion')
@ApiExtraModels(OrionAuthenticationDto, OrionMfaRequiredDto)
@Controller('users')
export class OrionSignInController {
  constructor(private readonly flow: SignInFlow) {}

  @Post('login')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @AcceptsDeviceCredential()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: OrionLoginDto })
  @ApiOperation({ summary: 'Sign in with e-mail and password (Orion API)', description: 'Same credentials check and token as /api/auth/login, with the default audience.' })
  @SIGNED_IN_OR_MFA
  @ApiErrors(
    [400, 'email or password missing or invalid, or a body that is neither a form nor JSON (named in `fields`)'],
    [401, 'Unknown user or wrong password (one identical body: invalid_credentials), or a disabled account (account_disabled)', [Errors.invalidCredentials(), Errors.accountDisabled()]],
    [403, 'A signed-up account whose address is not verified yet (email_not_verified)', Errors.emailNotVerified()],
    [415, 'Unsupported content type (e.g. multipart/form-data)'],
    [423, 'The account is locked (by an admin, or to this client after too many failed passwords)'],
  )
  login(
    @FormOrJsonBody(OrionLoginDto) body: OrionLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAnswer> {
    return this.signIn({ type: 'password', emailOrUsername: body.email, password: body.password }, request, reply);
  }

  @Post('login/google')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @AcceptsDeviceCredential()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: OrionGoogleLoginDto })
  @ApiOperation({
    summary: 'Sign in with a Google ID token (Orion API)',
    description:
      'The user linked to the Google account, else the user with its (Google-verified) e-mail, which is then linked, ' +
      'else a new user. Refusals carry `code` google_token_<reason>.',
  })
  @SIGNED_IN_OR_MFA
  @ApiErrors(
    [400, 'idToken missing, or a body that is neither a form nor JSON'],
    [401, 'Invalid Google ID token (code google_token_expired, google_token_bad_signature, google_token_wrong_audience, …), or a disabled account', [googleTokenFailure(new GoogleTokenError('expired')), Errors.accountDisabled()]],
    [403, 'The user with this e-mail signed up and has not verified the address yet (email_not_verified)', Errors.emailNotVerified()],
    [409, 'The Google account may not be linked to the user with its e-mail by itself (google_account_not_linked), or that user is linked to another Google account (google_account_mismatch)', [Errors.googleAccountNotLinked(), Errors.googleAccountMismatch()]],
    [415, 'Unsupported content type (e.g. multipart/form-data)'],
    [423, 'The account is locked', Errors.accountLocked()],
    [503, 'Google sign-in not configured (google_sign_in_not_configured) or Google keys unreachable (google_keys_unavailable)', googleNotConfigured()],
  )
  loginWithGoogle(
    @FormOrJsonBody(OrionGoogleLoginDto) body: OrionGoogleLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAnswer> {
    return this.signIn({ type: 'google', idToken: body.idToken }, request, reply);
  }

  @Post('login/2fa')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @HttpCode(200)
  @MFA_STEP('Two-factor sign-in, step 2: the mfaToken of /users/login and a code (Orion API)')
  loginWithMfa(
    @FormOrJsonBody(OrionMfaLoginDto) body: OrionMfaLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAnswer> {
    return this.signIn({ type: 'mfa', mfaToken: body.mfaToken, code: body.code }, request, reply);
  }

  /** The same step under the name the Orion service gives it after a Google sign-in. */
  @Post('login/google/2fa')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @HttpCode(200)
  @MFA_STEP('Two-factor sign-in, step 2 after /users/login/google (same as /users/login/2fa)')
  loginWithGoogleMfa(
    @FormOrJsonBody(OrionMfaLoginDto) body: OrionMfaLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAnswer> {
    return this.loginWithMfa(body, request, reply);
  }

  /** The answer keeps the Orion shape exactly: the device credential travels as the cookie only. */
  private async signIn(credential: Credential, request: FastifyRequest, reply: FastifyReply): Promise<OrionAnswer> {
    const result = await this.flow.signIn({ client: null, credential, deviceTokens: presentedDeviceTokens(request), meta: requestMeta(request) });
    if (!isMfaChallenge(result)) setDeviceCookie(request, reply, result.device);
    return toOrionAuthentication(result);
  }
}
