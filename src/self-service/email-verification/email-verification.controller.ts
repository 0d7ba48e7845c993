import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { SelfServiceThrottle } from '../../rate-limit/self-service-throttle.guard';
import { EmailVerifiedResponseDto } from './dto/email-verified-response.dto';
import { VerifyEmailDto } from './dto/verify-email.dto';
import { EmailVerification } from './email-verification.service';

/** A verification link followed: public, the token is the proof. */
@ApiTags('auth')
@Controller('api/auth/email')
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerification) {}

  @Post('verify')
  @Public()
  @HttpCode(200)
  @SelfServiceThrottle()
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
