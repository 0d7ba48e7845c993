import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../common/decorators/public.decorator';
import { AcceptsForm } from '../common/http/form-body';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { LoginThrottle } from '../rate-limit/login-throttle.decorator';
import { User } from '../users/user.entity';
import { OrionAuthenticationDto } from './dto/orion-authentication.dto';
import { OrionLoginDto } from './dto/orion-login.dto';
import { ValidatedStrategyGuard } from './guards/validated-strategy.guard';
import { OrionAuthenticationService } from './orion-authentication.service';
import { LOCAL_EMAIL_STRATEGY } from './strategies/local-email.strategy';

/** The Orion API (orion-authenticate.txt): e-mail + password, no client credentials. */
@ApiTags('orion')
@Controller('users')
export class OrionLoginController {
  constructor(private readonly orion: OrionAuthenticationService) {}

  @Post('login')
  @Public()
  @AcceptsForm()
  @LoginThrottle()
  @UseGuards(ValidatedStrategyGuard(OrionLoginDto, LOCAL_EMAIL_STRATEGY))
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'Sign in with e-mail and password (Orion API)', description: 'Same credentials check and token as /api/auth/login, with the default audience.' })
  @ApiOkResponse({ type: OrionAuthenticationDto })
  @ApiErrors(
    [400, 'email or password missing or invalid, or a body that is neither a form nor JSON (named in `fields`)'],
    [401, 'Unknown user or wrong password (one identical body: invalid_credentials), or a disabled account (account_disabled)'],
    [415, 'Unsupported content type (e.g. multipart/form-data)'],
    [423, 'The account is locked'],
  )
  login(@Body() _body: OrionLoginDto, @Req() request: FastifyRequest & { user?: User }): OrionAuthenticationDto {
    return this.orion.authenticated(request.user as User);
  }
}
