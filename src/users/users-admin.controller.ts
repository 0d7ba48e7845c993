import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../audit/request-meta';
import { CurrentPrincipal } from '../common/decorators/current-principal.decorator';
import { ParseUserIdPipe } from '../common/pipes/parse-user-id.pipe';
import { actorId, Principal } from '../common/principal';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { AdminUsersController, AUTH_ERRORS, ID_ERRORS, USER_ID } from './admin/admin-routes';
import { UsersAdminService } from './admin/users-admin.service';
import { UsersQueryService } from './admin/users-query.service';
import { AdminUpdateUserDto } from './dto/admin-update-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { SetPasswordDto } from './dto/set-password.dto';
import { UserPageDto } from './dto/user-page.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { toUserResponse } from './user.mapper';


/**
 * Administration of users: an admin's Bearer token, or the system context from a trusted network. Declared after
 * UsersController in the module, and Fastify matches static segments before parameters, so /api/users/me is never
 * taken for an id (an id must be digits anyway).
 */
@AdminUsersController()
export class UsersAdminController {
  constructor(
    private readonly query: UsersQueryService,
    private readonly admin: UsersAdminService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users, a page at a time, with filters and the total' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors([400, 'Invalid or unknown query parameter'], ...AUTH_ERRORS)
  async list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    const page = await this.query.list(query);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  @USER_ID
  @ApiOperation({ summary: 'One user by id (soft-deleted users too, with deletedAt set)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(...ID_ERRORS)
  async get(@Param('id', ParseUserIdPipe) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.query.get(id));
  }

  @Patch(':id')
  @USER_ID
  @ApiOperation({ summary: 'Change profile fields, roles or isActive (disabling ends the user’s sessions)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(...ID_ERRORS)
  async update(@Param('id', ParseUserIdPipe) id: string, @Body() body: AdminUpdateUserDto, @CurrentPrincipal() p: Principal): Promise<UserResponseDto> {
    return toUserResponse(await this.admin.update(id, body, actorId(p)));
  }

  @Delete(':id')
  @HttpCode(204)
  @USER_ID
  @ApiOperation({ summary: 'Soft-delete a user: sign-in fails from now on and every session ends; a sync with "restore": true brings it back' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(...ID_ERRORS)
  async remove(@Param('id', ParseUserIdPipe) id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.admin.softDelete(id, actorId(p));
  }

  @Post(':id/lock')
  @HttpCode(200)
  @USER_ID
  @ApiOperation({ summary: 'Lock a user: sign-in answers 423 and every session ends' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(...ID_ERRORS)
  async lock(@Param('id', ParseUserIdPipe) id: string, @CurrentPrincipal() p: Principal, @Req() request: FastifyRequest): Promise<UserResponseDto> {
    return toUserResponse(await this.admin.lock(id, actorId(p), requestMeta(request)));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @USER_ID
  @ApiOperation({ summary: 'Unlock a user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(...ID_ERRORS)
  async unlock(@Param('id', ParseUserIdPipe) id: string, @CurrentPrincipal() p: Principal, @Req() request: FastifyRequest): Promise<UserResponseDto> {
    return toUserResponse(await this.admin.unlock(id, actorId(p), requestMeta(request)));
  }

  @Post(':id/password')
  @HttpCode(204)
  @USER_ID
  @ApiOperation({ summary: 'Set a user’s password; every session of that user ends' })
  @ApiNoContentResponse({ description: 'Password set' })
  @ApiErrors(...ID_ERRORS)
  async setPassword(@Param('id', ParseUserIdPipe) id: string, @Body() body: SetPasswordDto, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.admin.setPassword(id, body.password, actorId(p));
  }
}
