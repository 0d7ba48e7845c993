import { Body, Controller, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { requestMeta } from '../audit/request-meta';
import { AllowSystemContext } from '../common/decorators/allow-system-context.decorator';
import { CurrentPrincipal } from '../common/decorators/current-principal.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Errors } from '../common/errors/api-error';
import { actorId, Principal } from '../common/principal';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { SyncUserDto } from './dto/sync-user.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UserSyncService } from './user-sync.service';
import { toUserResponse } from './user.mapper';

/** The fields a body carried (the transformed DTO also has the absent ones, as undefined). */
const sentFields = (body: object) => Object.entries(body).filter(([, v]) => v !== undefined).map(([k]) => k).sort();

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly sync: UserSyncService,
    private readonly audit: AuditService,
  ) {}

  @Put()
  @HttpCode(200)
  @AllowSystemContext()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiSecurity('x-user-ctx')
  @ApiOperation({
    summary: 'Create or update a user synced from another system',
    description: 'Matched by e-mail, then by username. Authorised by `x-user-ctx` from a trusted network, or an admin Bearer token.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'The user, created or updated (never the password)' })
  @ApiErrors(
    [400, 'Invalid field, unknown field, or malformed x-user-ctx'],
    [401, 'No credentials'],
    [403, 'Not an admin, or x-user-ctx sent from an untrusted network'],
    [409, 'Username belongs to another user'],
  )
  async upsert(@Body() body: SyncUserDto, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<UserResponseDto> {
    const { user, created } = await this.sync.sync(body, actorId(principal));
    // Field names only: never the values (the password among them).
    this.audit.record({
      ...requestMeta(request),
      type: created ? 'user.created' : 'user.updated',
      actorId: actorId(principal),
      subjectId: user.id,
      details: { via: 'sync', fields: sentFields(body) },
    });
    return toUserResponse(user);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors([401, 'Missing, invalid or expired token'])
  me(@CurrentPrincipal() principal: Principal): UserResponseDto {
    if (principal.kind !== 'user') throw Errors.unauthenticated();
    return toUserResponse(principal.user);
  }
}
