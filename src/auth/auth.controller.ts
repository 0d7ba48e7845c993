import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { LoginThrottle } from '../rate-limit/login-throttle.decorator';
import { User } from '../users/user.entity';
import { toUserResponse } from '../users/user.mapper';
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
  @LoginThrottle()
  @UseGuards(LoginGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in a user through a client application (password)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(
    [400, 'Missing or invalid field (named in `fields`)'],
    [401, 'Unknown client or wrong client secret (invalid_client), or wrong credentials (invalid_credentials)'],
    [423, 'The account is locked (by an admin, or for LOCKOUT_DURATION after LOCKOUT_THRESHOLD failed passwords)'],
  )
  login(@Body() _body: LoginDto, @Req() request: FastifyRequest & { user?: User }): LoginResponseDto {
    const user = request.user as User;
    const { accessToken, expiresIn } = this.tokens.issue(user, request.client!.id);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toUserResponse(user) };
  }
}
