import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../common/decorators/current-principal.decorator';
import { Errors } from '../../common/errors/api-error';
import { Principal } from '../../common/principal';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { ChangePasswordDto } from '../../users/dto/change-password.dto';
import { OwnAccountService } from '../../users/me/own-account.service';
import { SessionResponseDto } from '../dto/session-response.dto';
import { SessionIssuer } from '../session-issuer.service';

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
  ) {}

  @Post('me/password')
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
  )
  async change(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<SessionResponseDto> {
    if (principal.kind !== 'user' || !request.accessTokenClaims) throw Errors.unauthenticated();
    const user = await this.ownAccount.changePassword(principal.user, body.currentPassword, body.newPassword);
    return this.sessions.resume(user, request.accessTokenClaims.aud);
  }
}
