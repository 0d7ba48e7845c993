import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { Public } from '../../common/decorators/public.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { SelfServiceThrottle } from '../../rate-limit/self-service-throttle.guard';
import { AcceptedResponseDto } from '../dto/accepted-response.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { SignUpOpenGuard } from './sign-up-open.guard';
import { SignUp } from './sign-up.service';
import { ApiWithoutDatabase } from '../../common/swagger/shared-answers';

/** One body for every sign-up: it says nothing of whether the address already had an account. */
const SIGN_UP_ACCEPTED: AcceptedResponseDto = { message: 'Check your e-mail: we sent you a link to finish signing up' };

@ApiTags('auth')
@Controller('api/auth')
export class SignUpController {
  constructor(private readonly signUps: SignUp) {}

  // Guards run in the order the decorators are applied, bottom-up: SignUpOpenGuard first, then the rate limit.
  @Post('signup')
  @Public()
  @HttpCode(202)
  @SelfServiceThrottle()
  @UseGuards(SignUpOpenGuard)
  @ApiOperation({
    summary: 'Sign up (when SIGNUP_ENABLED=true)',
    description:
      'Always 202 with the same body, for a new address and for one that has an account (its owner gets a "you already ' +
      'have an account" mail instead), answered before the address is looked up. A new account gets a link to ' +
      'APP_URL/verify-email?token=… and signs in only after following it (SIGNUP_REQUIRE_VERIFIED_EMAIL, default true). ' +
      'Signing up again with an unverified address sends a new link. 404 while sign-up is off.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, example: SIGN_UP_ACCEPTED, description: 'Accepted; a mail is on its way' })
  @ApiErrors(
    [400, 'Missing or invalid field, or a password that breaks the rules'],
    [404, 'Sign-up is off (SIGNUP_ENABLED is not true)', Errors.signUpDisabled()],
  )
  // Answered before anything reads the database.
  @ApiWithoutDatabase()
  signUp(@Body() body: SignUpDto, @Req() request: FastifyRequest): AcceptedResponseDto {
    this.signUps.signUp(body, requestMeta(request));
    return SIGN_UP_ACCEPTED;
  }
}
