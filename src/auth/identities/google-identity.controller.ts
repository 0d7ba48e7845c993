import { Body, Controller, Delete, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Errors } from '../../common/errors/api-error';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { googleNotConfigured } from '../../google-auth/google-token-failure';
import { User } from '../../users/user.entity';
import { GoogleCredentialsDto } from '../sign-in/dto/google-credentials.dto';
import { LinkedIdentityDto } from './dto/linked-identity.dto';
import { GoogleIdentityLinks } from './google-identity-links.service';

/** The signed-in user's own Google account: link it (with an ID token from Google Identity Services) or unlink it. */
@ApiTags('account')
@Controller('api/users/me/identities')
export class GoogleIdentityController {
  constructor(private readonly links: GoogleIdentityLinks) {}

  @Post('google')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Link a Google account to your own account',
    description:
      'The ID token proves you hold the Google account. Its e-mail need not be the account\'s. After this, Google sign-in ' +
      'with that Google account signs in to this account. One Google account per user; linking the same one again is a no-op.',
  })
  @ApiOkResponse({ type: LinkedIdentityDto, description: 'The Google account is linked' })
  @ApiErrors(
    [400, 'idToken missing or not a string'],
    [401, 'Missing, invalid or expired Bearer token, or an invalid Google ID token (google_token_<reason>)', Errors.unauthenticated()],
    [409, 'The Google account is linked to another user (google_account_linked_elsewhere), or yours to another Google account (google_account_mismatch)', Errors.googleAccountLinkedElsewhere()],
    [503, 'Google sign-in not configured, or Google keys unreachable', googleNotConfigured()],
  )
  async link(@Body() body: GoogleCredentialsDto, @CurrentUser() user: User, @Req() request: FastifyRequest): Promise<LinkedIdentityDto> {
    const identity = await this.links.link(user, body.idToken, requestMeta(request));
    return { provider: identity.provider, subject: identity.subject, linkedAt: identity.createdAt.toISOString() };
  }

  @Delete('google')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Unlink your Google account',
    description: 'Refused when it is the only way to sign in to the account (no password). Sessions already started with Google go on; end them with POST /api/auth/logout-all.',
  })
  @ApiNoContentResponse({ description: 'The Google account is no longer linked' })
  @ApiErrors(
    [401, 'Missing, invalid or expired token', Errors.unauthenticated()],
    [404, 'No Google account is linked'],
    [409, 'The account has no password: Google is its only way in (last_sign_in_method)', Errors.lastSignInMethod()],
  )
  async unlink(@CurrentUser() user: User, @Req() request: FastifyRequest): Promise<void> {
    await this.links.unlink(user, requestMeta(request));
  }
}
