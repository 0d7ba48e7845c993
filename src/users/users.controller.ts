import { Body, Controller, Get, HttpCode, Patch, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { requestMeta } from '../audit/request-meta';
import { AllowSystemContext } from '../common/decorators/allow-system-context.decorator';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { CurrentPrincipal } from '../common/decorators/current-principal.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Errors } from '../common/errors/api-error';
import { actorId, Principal } from '../common/principal';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { SyncUserDto } from './dto/sync-user.dto';
import { SYNC_USER_EXAMPLES } from './dto/sync-user.examples';
import { UpdateMeDto } from './dto/update-me.dto';
import { OwnAccountService } from './me/own-account.service';
import { UserResponseDto } from './dto/user-response.dto';
import { sentFields } from './sync/sent-fields';
import { UserSyncService } from './user-sync.service';
import { User } from './user.entity';
import { toUserResponse } from './user.mapper';

@Controller('api/users')
export class UsersController {
  constructor(
    private readonly sync: UserSyncService,
    private readonly ownAccount: OwnAccountService,
    private readonly audit: AuditService,
  ) {}

  @Put()
  @ApiTags('sync')
  @HttpCode(200)
  @AllowSystemContext()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiSecurity('x-user-ctx')
  @ApiOperation({
    summary: 'Create or update a user synced from another system',
    description: 'Matched by e-mail, then by username. Authorised by `x-user-ctx` from a trusted network, or an admin Bearer token.',
  })
  @ApiBody({ type: SyncUserDto, examples: SYNC_USER_EXAMPLES })
  @ApiOkResponse({ type: UserResponseDto, description: 'The user, created or updated (never the password)' })
  @ApiErrors(
    [400, 'Invalid field, unknown field, or malformed x-user-ctx'],
    [401, 'No credentials, or an invalid or expired token', Errors.unauthenticated()],
    [403, 'Not an admin, or x-user-ctx sent from an untrusted network', Errors.forbidden('The x-user-ctx header is not accepted from this network')],
    [409, 'Username belongs to another user (username_taken), or the e-mail is of a soft-deleted user and "restore" is not true (user_deleted)', Errors.conflict('username_taken', 'username "cersei.lannister" belongs to another user')],
  )
  async upsert(@Body() body: SyncUserDto, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<UserResponseDto> {
    const { user, status } = await this.sync.sync(body, actorId(principal));
    // A sync that changed nothing wrote nothing, and is no event.
    if (status === 'unchanged') return toUserResponse(user);
    // Field names only: never the values (the password among them).
    this.audit.record({
      ...requestMeta(request),
      type: status === 'created' ? 'user.created' : 'user.updated',
      actorId: actorId(principal),
      subjectId: user.id,
      details: { via: 'sync', fields: sentFields(body) },
    });
    return toUserResponse(user);
  }

  @Get('me')
  @ApiTags('account')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto, description: 'The user the Bearer token was issued to' })
  @ApiErrors([401, 'Missing, invalid or expired token', Errors.unauthenticated()])
  me(@CurrentUser() user: User): UserResponseDto {
    return toUserResponse(user);
  }

  @Patch('me')
  @ApiTags('account')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit your own profile', description: 'Profile fields only: roles, isActive or any other field is a 400.' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors([400, 'Invalid field, or a field you may not set (roles, isActive, …)'], [401, 'Missing, invalid or expired token'])
  async updateMe(@Body() body: UpdateMeDto, @CurrentUser() user: User): Promise<UserResponseDto> {
    return toUserResponse(await this.ownAccount.updateProfile(user, body));
  }
}
