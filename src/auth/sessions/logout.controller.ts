import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { csrfCheckFailed, NO_REQUESTED_WITH } from './browser/cookie-request-check';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { LogoutDto } from './dto/logout.dto';
import { User } from '../../users/user.entity';
import { BrowserSessions } from './browser/browser-sessions.service';
import { RefreshTokenRevocation } from './refresh/refresh-token-revocation.service';

@ApiTags('auth')
@Controller('api/auth')
export class LogoutController {
  constructor(
    private readonly revocation: RefreshTokenRevocation,
    private readonly browser: BrowserSessions,
  ) {}

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End one session: revokes the refresh token and every token rotated from the same login',
    description:
      'Public: holding the refresh token is the proof. Answers 204 whether or not the token was valid, so it reveals nothing. ' +
      'A browser client sends no body token: its gatehouse_refresh cookie is read (with X-Requested-With, and an Origin listed in CORS_ORIGINS) and cleared.',
  })
  @ApiNoContentResponse({ description: 'The session (if any) is ended' })
  @ApiErrors(
    [400, 'Missing or invalid refreshToken'],
    [403, 'The cookie was sent without X-Requested-With or from an origin not in CORS_ORIGINS (csrf_check_failed)', csrfCheckFailed(NO_REQUESTED_WITH)],
  )
  async logout(@Body() body: LogoutDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (body.refreshToken !== undefined) {
      await this.revocation.revokeByToken(body.refreshToken);
      return;
    }
    const token = this.browser.refreshTokenForLogout(request);
    if (token) await this.revocation.revokeByToken(token);
    this.browser.clearCookie(reply);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "End all of the caller's sessions",
    description: 'Revokes every refresh token of the caller; access tokens issued before (including this one) stop being accepted.',
  })
  @ApiNoContentResponse({ description: 'Every session of the caller is ended' })
  @ApiErrors([401, 'Missing, invalid or expired token'])
  async logoutAll(@CurrentUser() user: User): Promise<void> {
    await this.revocation.revokeAllOfUser(user.id);
  }
}
