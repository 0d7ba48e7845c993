import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { CurrentAudience, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { TwoFactorEnrolment } from '../../mfa/two-factor-enrolment.service';
import { TwoFactorRemoval } from '../../mfa/two-factor-removal.service';
import { LoginThrottle } from '../../rate-limit/login-throttle.decorator';
import { User } from '../../users/user.entity';
import { presentedDeviceTokens, setDeviceCookie } from '../sessions/device-cookie';
import { BrowserSessions } from '../sessions/browser/browser-sessions.service';
import { SessionIssuer } from '../sessions/session-issuer.service';
import { ConfirmTotpDto, DisableTwoFactorDto, SecondFactorCodeDto } from './dto/two-factor.dto';
import { RecoveryCodesDto, TotpEnrolmentDto, TwoFactorEnabledDto } from './dto/two-factor-responses.dto';

const NOT_SIGNED_IN: [number, string] = [401, 'Missing, invalid or expired token'];
const WRONG: [number, string, ReturnType<typeof Errors.invalidMfaCode>] = [
  403,
  'A wrong or already used code (invalid_mfa_code; counts toward the lockout), or a wrong password (invalid_current_password)',
  Errors.invalidMfaCode(403),
];

/**
 * Two-factor sign-in on one's own account. In AuthModule, beside the password change, because turning it on ends
 * every session and gives the caller a new one; the second factor itself is the mfa module's.
 */
@ApiTags('two-factor')
@ApiBearerAuth()
@Controller('api/users/me/2fa')
export class TwoFactorController {
  constructor(
    private readonly enrolment: TwoFactorEnrolment,
    private readonly removal: TwoFactorRemoval,
    private readonly sessions: SessionIssuer,
    private readonly browser: BrowserSessions,
  ) {}

  @Post('totp')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start two-factor sign-in: a new TOTP secret, its otpauth URI and QR code',
    description: 'Nothing changes until confirmed (POST /api/users/me/2fa/totp/confirm); calling this again replaces the pending secret. The secret is never shown again after confirmation.',
  })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ApiErrors(NOT_SIGNED_IN, [409, 'Two-factor sign-in is already on (mfa_already_enabled)'])
  start(@CurrentUser() user: User): Promise<TotpEnrolmentDto> {
    return this.enrolment.start(user);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @LoginThrottle()
  @ApiOperation({
    summary: 'Confirm the new secret with its first code: two-factor sign-in is on',
    description:
      'Answers the ten recovery codes (shown only here) and a new session for the caller: every other session of the user ends. ' +
      'The password is asked for when the account has one, so a stolen access token alone cannot put another authenticator on the account.',
  })
  @ApiOkResponse({ type: TwoFactorEnabledDto })
  @ApiErrors(
    [400, 'code missing or not 6 digits, or password missing'],
    NOT_SIGNED_IN,
    WRONG,
    [409, 'No enrolment started (mfa_enrolment_not_started), already on (mfa_already_enabled), or restarted meanwhile (mfa_enrolment_changed)'],
    [423, 'Too many wrong passwords: the account is locked'],
  )
  async confirm(
    @Body() body: ConfirmTotpDto,
    @CurrentUser() user: User,
    @CurrentAudience() audience: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TwoFactorEnabledDto> {
    const deviceTokens = presentedDeviceTokens(request);
    const { recoveryCodes, user: enabled } = await this.enrolment.confirm(user, body.code, body.password, requestMeta(request), deviceTokens);
    // The other sessions (and device credentials) ended: this one continues, with its device credential renewed.
    const session = await this.sessions.resume(enabled, audience, deviceTokens);
    setDeviceCookie(request, reply, session.device);
    return { recoveryCodes, ...this.browser.respond(session, audience, reply) };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @LoginThrottle()
  @ApiOperation({ summary: 'Replace the recovery codes (the old set stops working)', description: 'Needs a code: a TOTP code or an unused recovery code.' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiErrors([400, 'code missing or malformed'], NOT_SIGNED_IN, WRONG, [409, 'Two-factor sign-in is not on (mfa_not_enabled)'], [423, 'The account is locked'])
  async replaceRecoveryCodes(@Body() body: SecondFactorCodeDto, @CurrentUser() user: User, @Req() request: FastifyRequest): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.enrolment.replaceRecoveryCodes(user, body.code, requestMeta(request), presentedDeviceTokens(request)) };
  }

  @Delete()
  @HttpCode(204)
  @LoginThrottle()
  @ApiOperation({ summary: 'Turn two-factor sign-in off', description: 'Needs the password (when the account has one) and a code (TOTP or recovery). The secret and recovery codes are deleted.' })
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off' })
  @ApiErrors([400, 'code missing or malformed, or password missing'], NOT_SIGNED_IN, WRONG, [409, 'Two-factor sign-in is not on (mfa_not_enabled)'], [423, 'The account is locked'])
  async disable(@Body() body: DisableTwoFactorDto, @CurrentUser() user: User, @Req() request: FastifyRequest): Promise<void> {
    await this.removal.disable(user, body.password, body.code, requestMeta(request), presentedDeviceTokens(request));
  }
}
