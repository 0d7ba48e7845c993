import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { LogoutDto } from './dto/logout.dto';
import { User } from '../../users/user.entity';
import { RefreshTokenRevocation } from './refresh/refresh-token-revocation.service';

@ApiTags('auth')
@Controller('api/auth')
export class LogoutController {
  constructor(private readonly revocation: RefreshTokenRevocation) {}

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End one session: revokes the refresh token and every token rotated from the same login',
    description: 'Public: holding the refresh token is the proof. Answers 204 whether or not the token was valid, so it reveals nothing.',
  })
  @ApiNoContentResponse({ description: 'The session (if any) is ended' })
  @ApiErrors([400, 'Missing or invalid refreshToken'])
  async logout(@Body() body: LogoutDto): Promise<void> {
    await this.revocation.revokeByToken(body.refreshToken);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "End all of the caller's sessions",
    description: 'Revokes every refresh token of the caller; access tokens issued before (including this one) stop being accepted.',
  })
  @ApiNoContentResponse({ description: 'Every session of the caller is ended' })
  @ApiErrors([401, 'Missing, invalid or expired token'])
  async logoutAll(@CurrentUser() user: User): Promise<void> {
    await this.revocation.revokeAllOfUser(user.id);
  }
}
