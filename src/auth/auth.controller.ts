import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../common/decorators/public.decorator';
import { Errors } from '../common/errors/api-error';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { googleNotConfigured } from '../google-auth/google-token-failure';
import { User } from '../users/user.entity';
import { toUserResponse } from '../users/user.mapper';
import { LOGIN_EXAMPLES } from './dto/login.examples';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginDto } from './dto/login.dto';
import { LoginGuard } from './guards/login.guard';
import { AccessTokenService } from './tokens/access-token.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in a user through a client application (type "password" or "google")' })
  @ApiBody({ type: LoginDto, examples: LOGIN_EXAMPLES })
  @ApiOkResponse({ type: LoginResponseDto, description: 'Signed in: an RS256 access token for the client, and the user' })
  @ApiErrors(
    [400, 'Missing or invalid field (named in `fields`)', Errors.badInput([{ field: 'withPassword.password', reason: 'should not be empty' }])],
    [401, 'Unknown client or wrong client secret (invalid_client), wrong credentials (invalid_credentials), or an invalid Google ID token (google_token_<reason>)', Errors.invalidCredentials()],
    [423, 'The account is locked', Errors.accountLocked()],
    [503, 'type "google": Google sign-in not configured, or Google keys unreachable', googleNotConfigured()],
  )
  login(@Body() _body: LoginDto, @Req() request: FastifyRequest & { user?: User }): LoginResponseDto {
    const user = request.user as User;
    const { accessToken, expiresIn } = this.tokens.issue(user, request.client!.id);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toUserResponse(user) };
  }
}
