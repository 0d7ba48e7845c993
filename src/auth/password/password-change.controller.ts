import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { CurrentAudience, CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiError } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { LockoutService } from '../../lockout/lockout.service';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { ChangePasswordDto } from '../../users/dto/change-password.dto';
import { OwnAccountService } from '../../users/me/own-account.service';
import { User } from '../../users/user.entity';
import { SessionResponseDto } from '../sessions/dto/session-response.dto';
import { toSessionResponse } from '../sessions/session.mapper';
import { SessionIssuer } from '../sessions/session-issuer.service';

/**
 * POST /api/users/me/password lives in AuthModule because it ends sessions and starts a new one: UsersModule
 * changes the password (and raises the token generation, which revokes every earlier token), AuthModule then
 * issues the caller a fresh pair, so only the OTHER sessions end.
 */
@ApiTags('users')
@Controller('api/users')
export class PasswordChangeController {
  constructor(
    private readonly ownAccount: OwnAccountService,
    private readonly sessions: SessionIssuer,
    private readonly lockout: LockoutService,
  ) {}

  @Post('me/password')
  @LoginThrottle()
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
    [423, 'Too many wrong current passwords: the account is locked for LOCKOUT_DURATION'],
  )
  async change(
    @Body() body: ChangePasswordDto,
    @CurrentUser() caller: User,
    @CurrentAudience() audience: string,
    @Req() request: FastifyRequest,
  ): Promise<SessionResponseDto> {
    // A wrong current password counts toward the lockout like a failed sign-in, so a stolen token cannot be used
    // to guess the password without limit (and the route is rate-limited like the sign-in routes).
    let user: User;
    try {
      user = await this.ownAccount.changePassword(caller, body.currentPassword, body.newPassword);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_current_password') await this.lockout.recordFailure(caller, requestMeta(request));
      throw e;
    }
    await this.lockout.recordSuccess(user);
    // The new pair is for the client the caller's token was issued to.
    return toSessionResponse(await this.sessions.resume(user, audience));
  }
}
