import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { SelfServiceThrottle } from '../../rate-limit/self-service-throttle.guard';
import { ApiTooManyRequests, tooManyRequests } from '../../rate-limit/too-many-requests';
import { User } from '../../users/user.entity';
import { AcceptedResponseDto } from '../dto/accepted-response.dto';
import { EmailVerifiedResponseDto } from './dto/email-verified-response.dto';
import { VerifyEmailDto } from './dto/verify-email.dto';
import { EmailVerification } from './email-verification.service';

const LINK_SENT: AcceptedResponseDto = { message: 'A verification link has been sent to your e-mail address' };

@Controller('api')
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerification) {}

  @Post('users/me/email/verification')
  @HttpCode(202)
  @ApiTags('users')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Send a link that verifies your e-mail address',
    description:
      'Mails a link to APP_URL/verify-email?token=…, valid EMAIL_VERIFICATION_TTL, bound to the current address (void if ' +
      'it changes), replacing any earlier link. At most one per EMAIL_VERIFICATION_INTERVAL.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, example: LINK_SENT, description: 'The link is on its way' })
  @ApiErrors(
    [401, 'Missing, invalid or expired token', Errors.unauthenticated()],
    [409, 'The address is already verified (email_already_verified)', Errors.conflict('email_already_verified', 'This e-mail address is already verified')],
  )
  @ApiTooManyRequests('A link was sent less than EMAIL_VERIFICATION_INTERVAL ago')
  async send(@CurrentUser() caller: User, @Res({ passthrough: true }) reply: FastifyReply): Promise<AcceptedResponseDto> {
    const wait = await this.verification.sendToCaller(caller);
    if (wait > 0) throw tooManyRequests(reply, 'A verification link was sent a moment ago', wait);
    return LINK_SENT;
  }

  @Post('auth/email/verify')
  @Public()
  @HttpCode(200)
  @SelfServiceThrottle()
  @ApiTags('auth')
  @ApiOperation({
    summary: 'Verify an e-mail address with the token of a verification link',
    description: 'The token works once, until EMAIL_VERIFICATION_TTL, only the newest one sent, and only while the account still has the address it was sent to.',
  })
  @ApiOkResponse({ type: EmailVerifiedResponseDto, description: 'The address is verified (`emailVerified` is now true)' })
  @ApiErrors([400, 'Missing token, or one that is unknown, used, replaced, expired or for a former address (invalid_verification_token)', Errors.invalidVerificationToken()])
  verify(@Body() body: VerifyEmailDto, @Req() request: FastifyRequest): Promise<EmailVerifiedResponseDto> {
    return this.verification.verify(body.token, requestMeta(request));
  }
}
