import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { ApiTooManyRequests, tooManyRequests } from '../../rate-limit/too-many-requests';
import { User } from '../../users/user.entity';
import { AcceptedResponseDto } from '../dto/accepted-response.dto';
import { EmailVerification } from './email-verification.service';

const LINK_SENT: AcceptedResponseDto = { message: 'A verification link has been sent to your e-mail address' };

/** The signed-in user asks for a link that proves their address (followed at POST /api/auth/email/verify). */
@ApiTags('account')
@Controller('api/users/me/email')
export class VerificationLinkController {
  constructor(private readonly verification: EmailVerification) {}

  @Post('verification')
  @HttpCode(202)
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
    if (wait > 0) throw tooManyRequests('A verification link was sent a moment ago', wait);
    return LINK_SENT;
  }
}
