import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { OrionAuthenticationDto } from '../auth/dto/orion-authentication.dto';
import { ValidatedStrategyGuard } from '../auth/guards/validated-strategy.guard';
import { OrionAuthenticationService } from '../auth/orion-authentication.service';
import { Public } from '../common/decorators/public.decorator';
import { AcceptsForm } from '../common/http/form-body';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { LoginThrottle } from '../rate-limit/login-throttle.decorator';
import { User } from '../users/user.entity';
import { GoogleLoginDto } from './dto/google-login.dto';
import { GOOGLE_ID_TOKEN_STRATEGY } from './google-id-token.strategy';

/** Google sign-in on the Orion API: an ID token in, the same answer as /users/login out. */
@ApiTags('orion')
@Controller('users')
export class GoogleLoginController {
  constructor(private readonly orion: OrionAuthenticationService) {}

  @Post('login/google')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @UseGuards(ValidatedStrategyGuard(GoogleLoginDto, GOOGLE_ID_TOKEN_STRATEGY))
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
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
  login(@Body() _body: GoogleLoginDto, @Req() request: FastifyRequest & { user?: User }): OrionAuthenticationDto {
    return this.orion.authenticated(request.user as User);
  }
}
