import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { AcceptsForm } from '../../common/http/form-body';
import { FormOrJsonBody } from '../../common/pipes/validated-body';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { AcceptsDeviceCredential, presentedDeviceTokens, setDeviceCookie } from '../sessions/device-cookie';
import { toOrionAuthentication } from '../sessions/session.mapper';
import { OrionAuthenticationDto } from './dto/orion-authentication.dto';
import { OrionGoogleLoginDto } from './dto/orion-google-login.dto';
import { OrionLoginDto } from './dto/orion-login.dto';
import { Credential } from './sign-in-attempt';
import { SignInFlow } from './sign-in.flow';

/**
 * The Orion API (orion-authenticate): a form or JSON body, no client credentials, `{ user, token }` back. The same
 * SignInFlow as POST /api/auth/login with no client: the token carries the default audience, no refresh token.
 */
@ApiTags('orion')
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
  @ApiOkResponse({ type: OrionAuthenticationDto })
  @ApiErrors(
    [400, 'email or password missing or invalid, or a body that is neither a form nor JSON (named in `fields`)'],
    [401, 'Unknown user or wrong password (one identical body: invalid_credentials), or a disabled account (account_disabled)'],
    [415, 'Unsupported content type (e.g. multipart/form-data)'],
    [423, 'The account is locked (by an admin, or to this client after too many failed passwords)'],
  )
  login(
    @FormOrJsonBody(OrionLoginDto) body: OrionLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAuthenticationDto> {
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
  @ApiOkResponse({ type: OrionAuthenticationDto })
  @ApiErrors(
    [400, 'idToken missing, or a body that is neither a form nor JSON'],
    [401, 'Invalid Google ID token (code google_token_expired, google_token_bad_signature, google_token_wrong_audience, …), or a disabled account'],
    [415, 'Unsupported content type (e.g. multipart/form-data)'],
    [423, 'The account is locked'],
    [503, 'Google sign-in not configured (google_sign_in_not_configured) or Google keys unreachable (google_keys_unavailable)'],
  )
  loginWithGoogle(
    @FormOrJsonBody(OrionGoogleLoginDto) body: OrionGoogleLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrionAuthenticationDto> {
    return this.signIn({ type: 'google', idToken: body.idToken }, request, reply);
  }

  /** The answer keeps the Orion shape exactly: the device credential travels as the cookie only. */
  private async signIn(credential: Credential, request: FastifyRequest, reply: FastifyReply): Promise<OrionAuthenticationDto> {
    const session = await this.flow.signIn({ client: null, credential, deviceTokens: presentedDeviceTokens(request), meta: requestMeta(request) });
    setDeviceCookie(request, reply, session.device);
    return toOrionAuthentication(session);
  }
}
