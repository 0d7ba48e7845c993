import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequestMeta, requestMeta } from '../../audit/request-meta';
import { CurrentAudience, CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiError } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { LockoutService } from '../../lockout/lockout.service';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { ChangePasswordDto } from '../../users/dto/change-password.dto';
import { OwnAccountService } from '../../users/me/own-account.service';
import { User } from '../../users/user.entity';
import { AcceptsDeviceCredential, presentedDeviceTokens, setDeviceCookie } from '../sessions/device-cookie';
import { SessionResponseDto } from '../sessions/dto/session-response.dto';
import { BrowserSessions } from '../sessions/browser/browser-sessions.service';
import { SessionIssuer } from '../sessions/session-issuer.service';

/**
 * POST /api/users/me/password lives in AuthModule because it ends sessions and starts a new one: UsersModule
 * changes the password (and raises the token generation, which revokes every earlier token), AuthModule then
 * issues the caller a fresh pair, so only the OTHER sessions end.
 */
@ApiTags('account')
@Controller('api/users')
export class PasswordChangeController {
  constructor(
    private readonly ownAccount: OwnAccountService,
    private readonly sessions: SessionIssuer,
    private readonly browser: BrowserSessions,
    private readonly lockout: LockoutService,
  ) {}

  @Post('me/password')
  @LoginThrottle()
  @AcceptsDeviceCredential()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Needs the current password. Every earlier access and refresh token of the user stops working (other devices are ' +
      'signed out); the response carries a new pair for this session.',
  })
  @ApiOkResponse({ type: SessionResponseDto, description: 'Password changed; a new session for the caller' })
  @ApiErrors(
    [400, 'Missing field, or the new password breaks the rules'],
    [401, 'Missing, invalid or expired token'],
    [403, 'The current password is not correct (invalid_current_password)'],
    [409, 'The password was changed concurrently'],
    [423, 'Too many wrong passwords: the account is locked to this client (no device credential, or this device) for LOCKOUT_DURATION'],
  )
  async change(
    @Body() body: ChangePasswordDto,
    @CurrentUser() caller: User,
    @CurrentAudience() audience: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    const deviceTokens = presentedDeviceTokens(request);
    const user = await this.changeCounted(caller, body, deviceTokens, requestMeta(request));
    // The new pair is for the client the caller's token was issued to, with its device credential renewed.
    const session = await this.sessions.resume(user, audience, deviceTokens);
    setDeviceCookie(request, reply, session.device);
    return this.browser.respond(session, audience, reply);
  }

  /**
   * The change, with the current password checked against the lockout like a sign-in (per account, or per device
   * with a device credential), so a stolen token can neither guess it without limit nor go on past a lock.
   */
  private async changeCounted(caller: User, body: ChangePasswordDto, deviceTokens: readonly string[], meta: RequestMeta): Promise<User> {
    const { budget, refusal } = await this.lockout.admit(caller, deviceTokens);
    if (refusal) throw refusal;
    try {
      const user = await this.ownAccount.changePassword(caller, body.currentPassword, body.newPassword);
      await this.lockout.recordSuccess(budget);
      return user;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_current_password') await this.lockout.recordFailure(budget, meta);
      throw e;
    }
  }
}
