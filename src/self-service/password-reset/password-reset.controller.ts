import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { SelfServiceThrottle } from '../../rate-limit/self-service-throttle.guard';
import { AcceptedResponseDto } from '../dto/accepted-response.dto';
import { ForgotPasswordDto } from './dto/forgot-password.dto';
import { PasswordResetResponseDto } from './dto/password-reset-response.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordReset } from './password-reset.service';
import { ResetRequests } from './reset-requests.service';
import { ApiWithoutDatabase } from '../../common/swagger/shared-answers';

/** One body for every e-mail sent to "forgot password": it says nothing of whether the account exists. */
const RESET_REQUESTED: AcceptedResponseDto = {
  message: 'If an account has this e-mail address, a link to reset its password has been sent to it',
};

@ApiTags('auth')
@Controller('api/auth/password')
export class PasswordResetController {
  constructor(
    private readonly requests: ResetRequests,
    private readonly passwordReset: PasswordReset,
  ) {}

  @Post('forgot')
  @Public()
  @HttpCode(202)
  @SelfServiceThrottle()
  @ApiOperation({
    summary: 'Ask for a password-reset link by e-mail',
    description:
      'Always 202 with the same body, for an address with an account and one without, answered before the address is ' +
      'even looked up (so the time is the same too). An account gets a mail with a link to APP_URL/reset-password?token=…, ' +
      'valid PASSWORD_RESET_TTL, at most one mail per address per PASSWORD_RESET_INTERVAL.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, example: RESET_REQUESTED, description: 'Accepted; a mail is on its way if the account exists' })
  @ApiErrors([400, 'Missing or invalid email'])
  // Answered before anything reads the database.
  @ApiWithoutDatabase()
  forgot(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest): AcceptedResponseDto {
    this.requests.request(body.email, requestMeta(request));
    return RESET_REQUESTED;
  }

  @Post('reset')
  @Public()
  @HttpCode(200)
  @SelfServiceThrottle()
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description:
      'The token works once, until PASSWORD_RESET_TTL, and only the newest one sent. On success every session of the ' +
      'account ends (access and refresh tokens), an automatic lock ends, and the address counts as verified (the link ' +
      'reached it). Sign in again with the new password.',
  })
  @ApiOkResponse({ type: PasswordResetResponseDto, description: 'Password set; every session ended' })
  @ApiErrors(
    [400, 'Missing field, a new password that breaks the rules, or a token that is unknown, used, replaced or expired (invalid_reset_token)', Errors.invalidResetToken()],
  )
  async reset(@Body() body: ResetPasswordDto, @Req() request: FastifyRequest): Promise<PasswordResetResponseDto> {
    await this.passwordReset.reset(body, requestMeta(request));
    return { passwordReset: true };
  }
}
